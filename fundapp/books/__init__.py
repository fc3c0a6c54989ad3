"""The fund's books: the ledger of money movements, the balances kept from it, and every money
figure read from them (position, totals, statements, documents, open data)."""
