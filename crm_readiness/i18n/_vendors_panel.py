"""Messages of the evaluation panel, group AHP, demonstrations (claimed vs shown) and ties."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- honest ranks ---
    "vendors.rep.tie": {
        "en": "Tied: {names} have totals within {tol} points of each other and share rank {rank}.",
        "zh": "并列：{names} 的总分相差不超过 {tol} 分，并列第 {rank} 名。",
    },
    "vendors.rep.close_call": {
        "en": "Close call: {leader} leads {runner} by {margin} points, less than the {spread} "
              "points by which that margin moves across the weight scenarios (half the central "
              "90% range). Treat the two as level and decide on the criteria that separate them.",
        "zh": "差距很小：{leader} 领先 {runner} {margin} 分，小于该差距在各权重情景下的波动幅度 "
              "{spread} 分（中间 90% 区间的一半）。请视二者为同一水平，依据区分二者的维度作出决定。",
    },
    "vendors.rep.tolerance": {
        "en": "Totals within {tol} points of each other are treated as equal and share a rank.",
        "zh": "总分相差不超过 {tol} 分视为相同，并列同一名次。",
    },
    "vendors.wb.tie_tolerance": {"en": "Tie tolerance (points): closer totals share a rank",
                                 "zh": "并列容差（分）：差距更小的总分并列"},
    "vendors.rep.legend": {"en": "Legend", "zh": "图例"},
}
