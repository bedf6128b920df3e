#!/usr/bin/env python3
"""Oracle for Flywheel's CLV models: Python `lifetimes` on CDNOW_sample, printed as one JSON object.

Fits BG/NBD, Pareto/NBD and Gamma-Gamma with lifetimes 0.11.3 on the CDNOW sample with the literature's
39-week calibration (1997-01-01 .. 1997-09-30, time unit week at day precision, purchases counted per
distinct day, same-day values summed) and a 39-week holdout (1997-10-01 .. 1998-06-30), and prints
parameters, log-likelihoods, the holdout prediction, a few per-customer predictions and reference values of
the Gauss hypergeometric function (mpmath) for Flywheel's tests.

    python3 scripts/oracles/lifetimes_cdnow.py > Tests/Fixtures/clv/lifetimes_cdnow_sample.json

lifetimes 0.11.3 needs older pandas/numpy/scipy than Python 3.11 environments usually have, so when
`lifetimes` cannot be imported the script makes a virtual environment under /tmp, installs the pinned
versions below from PyPI and runs itself again there.
"""

import json
import os
import subprocess
import sys

PINS = [
    "lifetimes==0.11.3",
    "pandas==1.5.3",
    "numpy==1.24.4",
    "scipy==1.10.1",
    "autograd==1.6.2",
    "mpmath==1.3.0",
]
VENV = "/tmp/flywheel-lifetimes-venv"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(REPO, "Tests", "Fixtures", "cdnow", "CDNOW_sample.txt")


def ensure_environment():
    try:
        import lifetimes  # noqa: F401
        import mpmath  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("FLYWHEEL_ORACLE_VENV") == "1":
        sys.exit("lifetimes is still missing after installing it into " + VENV)
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", VENV], stdout=sys.stderr)
    subprocess.check_call([python, "-m", "pip", "install", "--quiet"] + PINS, stdout=sys.stderr)
    env = dict(os.environ, FLYWHEEL_ORACLE_VENV="1")
    os.execve(python, [python, os.path.abspath(__file__)] + sys.argv[1:], env)


def main():
    ensure_environment()
    import warnings

    warnings.simplefilter("ignore")
    import lifetimes
    import mpmath
    import numpy as np
    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter, ParetoNBDFitter
    from lifetimes.datasets import load_cdnow_summary_data_with_monetary_value
    from lifetimes.utils import calibration_and_holdout_data

    rows = pd.read_csv(SAMPLE, sep=r"\s+", header=None, names=["master_id", "customer", "date", "cds", "value"])
    rows["date"] = pd.to_datetime(rows["date"].astype(str), format="%Y%m%d")
    # Day precision, expressed in weeks: freq "D" with freq_multiplier 7 (freq "W" would snap to calendar weeks).
    data = calibration_and_holdout_data(
        rows, "customer", "date",
        calibration_period_end="1997-09-30", observation_period_end="1998-06-30",
        freq="D", freq_multiplier=7, monetary_value_col="value",
    )
    x, tx, T = data["frequency_cal"], data["recency_cal"], data["T_cal"]
    horizon = float(data["duration_holdout"].iloc[0])

    # lifetimes' Pareto/NBD fitter starts Nelder-Mead from random points: seed them for a reproducible file.
    np.random.seed(20050101)
    bgf = BetaGeoFitter().fit(x, tx, T)
    pnbd = ParetoNBDFitter().fit(x, tx, T)
    repeaters = data[data["frequency_cal"] > 0]
    ggf = GammaGammaFitter().fit(repeaters["frequency_cal"], repeaters["monetary_value_cal"])

    # Log-likelihoods in the data's own units (lifetimes stores them for internally rescaled times), in total.
    def bg_ll(model, f, r_, t_):
        logp = np.log(model.params_[["r", "alpha", "a", "b"]].values)
        return -BetaGeoFitter._negative_log_likelihood(logp, f.values, r_.values, t_.values, np.ones(len(f)), 0) * len(f)

    def pnbd_ll(model, f, r_, t_):
        values = model.params_[["r", "alpha", "s", "beta"]].values
        return float(ParetoNBDFitter._conditional_log_likelihood(values, f.values, r_.values, t_.values).sum())

    def gg_ll(model, f, m):
        logp = np.log(model.params_[["p", "q", "v"]].values)
        return -GammaGammaFitter._negative_log_likelihood(logp, f.values, m.values, np.ones(len(f)), 0) * len(f)

    def params(model, names):
        return {name: float(model.params_[name]) for name in names}

    bg_holdout = bgf.conditional_expected_number_of_purchases_up_to_time(horizon, x, tx, T)
    pnbd_holdout = pnbd.conditional_expected_number_of_purchases_up_to_time(horizon, x, tx, T)

    # lifetimes' own bundled summary (Hardie's file, recency and T rounded to 2 decimals): the published fits.
    bundled = load_cdnow_summary_data_with_monetary_value()
    bgf_b = BetaGeoFitter().fit(bundled["frequency"], bundled["recency"], bundled["T"])
    pnbd_b = ParetoNBDFitter().fit(bundled["frequency"], bundled["recency"], bundled["T"])
    rep_b = bundled[bundled["frequency"] > 0]
    ggf_b = GammaGammaFitter().fit(rep_b["frequency"], rep_b["monetary_value"])

    # Per-customer predictions for a few histories (sample ids), with lifetimes' parameters.
    chosen = [1, 2, 3, 4, 18, 50, 100, 1000, 1520, 2357]
    chosen += [int(i) for i in data["frequency_cal"].sort_values(ascending=False).index[:3]]
    def first(values):
        return float(np.asarray(values, dtype=float).ravel()[0])

    customers = []
    for cid in chosen:
        row = data.loc[[cid]]
        f, r_, t_ = row["frequency_cal"], row["recency_cal"], row["T_cal"]
        entry = {
            "customer": cid,
            "frequency": int(f.iloc[0]), "recency": float(r_.iloc[0]), "T": float(t_.iloc[0]),
            "monetary_value": float(row["monetary_value_cal"].iloc[0]),
            "holdout_frequency": int(row["frequency_holdout"].iloc[0]),
            "bgnbd_probability_alive": first(bgf.conditional_probability_alive(f, r_, t_)),
            "bgnbd_expected_purchases_39": first(
                bgf.conditional_expected_number_of_purchases_up_to_time(horizon, f, r_, t_)),
            "paretonbd_probability_alive": first(pnbd.conditional_probability_alive(f, r_, t_)),
            "paretonbd_expected_purchases_39": first(
                pnbd.conditional_expected_number_of_purchases_up_to_time(horizon, f, r_, t_)),
            "gamma_gamma_expected_average_value": first(
                ggf.conditional_expected_average_profit(f, row["monetary_value_cal"])),
            "bgnbd_clv_12_months_1pct": first(ggf.customer_lifetime_value(
                bgf, f, r_, t_, row["monetary_value_cal"], time=12, discount_rate=0.01, freq="W")),
        }
        customers.append(entry)

    # Gauss hypergeometric 2F1 reference values (mpmath, 30 digits), including z near 1 and integer c-a-b.
    mpmath.mp.dps = 30
    cases = [
        (1.0, 1.0, 2.0, 0.5), (0.5, 0.5, 1.5, 0.25), (2.5, 1.5, 3.5, 0.9), (1.553, 1.606, 2.553, 0.093),
        (3.159, 1.606, 4.159, 0.95), (10.2, 1.6, 11.2, 0.999), (10.2, 9.55, 11.2, 0.999), (1.2, 2.0, 2.2, 0.9999),
        (2.0, 2.0, 3.0, 0.97), (1.0, 1.0, 2.0, 0.999999), (1.3, 0.7, 2.0, 0.99), (4.0, 5.0, 10.0, 0.7),
        (0.243, 2.426, 2.219, 0.6), (7.243, 9.426, 10.219, 0.85), (50.5, 3.0, 51.5, 0.8), (1.0, 30.0, 2.0, 0.5),
        (2.0, 3.0, 4.0, 0.0), (0.55, 1.0, 1.2, 0.9), (1.5, 2.5, 3.0, 0.999999999),
    ]
    hyp = [
        {"a": a, "b": b, "c": c, "z": z, "log_value": float(mpmath.log(mpmath.hyp2f1(a, b, c, z)))}
        for (a, b, c, z) in cases
    ]

    out = {
        "generator": "scripts/oracles/lifetimes_cdnow.py",
        "versions": {
            "python": sys.version.split()[0], "lifetimes": lifetimes.__version__, "pandas": pd.__version__,
            "numpy": np.__version__, "mpmath": mpmath.__version__,
        },
        "data": {
            "file": "Tests/Fixtures/cdnow/CDNOW_sample.txt",
            "calibration_end": "1997-09-30", "observation_end": "1998-06-30",
            "time_unit": "week (day precision)", "customers": int(len(data)),
            "repeaters": int(len(repeaters)),
            "calibration_repeat_purchases": int(x.sum()),
            "holdout_weeks": horizon, "holdout_actual": int(data["frequency_holdout"].sum()),
        },
        "bgnbd": dict(params(bgf, ["r", "alpha", "a", "b"]), log_likelihood=bg_ll(bgf, x, tx, T),
                      holdout_prediction=float(bg_holdout.sum())),
        "paretonbd": dict(params(pnbd, ["r", "alpha", "s", "beta"]), log_likelihood=pnbd_ll(pnbd, x, tx, T),
                          holdout_prediction=float(np.asarray(pnbd_holdout).sum())),
        "gamma_gamma": dict(p=float(ggf.params_["p"]), q=float(ggf.params_["q"]), gamma=float(ggf.params_["v"]),
                            log_likelihood=gg_ll(ggf, repeaters["frequency_cal"], repeaters["monetary_value_cal"])),
        "bundled_summary": {
            "note": "lifetimes' own CDNOW summary (recency, T and mean value rounded to 2 decimals)",
            "bgnbd": dict(params(bgf_b, ["r", "alpha", "a", "b"]), log_likelihood=bg_ll(bgf_b, bundled["frequency"], bundled["recency"], bundled["T"])),
            "paretonbd": dict(params(pnbd_b, ["r", "alpha", "s", "beta"]), log_likelihood=pnbd_ll(pnbd_b, bundled["frequency"], bundled["recency"], bundled["T"])),
            "gamma_gamma": dict(p=float(ggf_b.params_["p"]), q=float(ggf_b.params_["q"]),
                                gamma=float(ggf_b.params_["v"]),
                                log_likelihood=gg_ll(ggf_b, rep_b["frequency"], rep_b["monetary_value"])),
        },
        "customers": customers,
        "hyp2f1": hyp,
    }
    json.dump(out, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
