"""Development tooling of diplograf, run from a checkout and never installed: model training
(``training/``, ``make models``), model evaluation (``evaluate.py`` with ``tag_oracle.py``,
``make evaluate-models``) and the development-set report (``dev_report.py``, ``make scores``).
It imports the installed packages (``diplograf.*``); nothing there imports it."""
