from fundapp.reports import charts


def test_scales_use_round_steps_and_cover_the_biggest_value():
    assert charts.nice_step(6_712_345) == 2_000_000
    assert charts.nice_step(36) == 10
    chart = charts.columns(
        [("2018", [150, 250]), ("2019", [400, 0])], [("A", "#000"), ("B", "#fff")], value_format=str
    )
    assert [t["label"] for t in chart["ticks"]] == ["0", "100", "200", "300", "400"]
    first, second = chart["rows"]
    assert [s["height"] for s in first["segments"]] == [180 * 150 / 400, 180 * 250 / 400]
    assert len(second["segments"]) == 1  # a zero value draws nothing


def test_bars_are_proportional_and_keep_their_labels():
    chart = charts.stacked_bars(
        [("Africa", [18, 18]), ("Oceania", [2, 0])], [("x", "#000"), ("y", "#111")], value_format=str
    )
    africa, oceania = chart["rows"]
    assert africa["label"] == "Africa"
    assert africa["total"] == "36"
    assert oceania["segments"][0]["width"] * 18 == africa["segments"][0]["width"] * 2
