"""Contact people of organisations and donors: who the fund writes to, and in which language."""
