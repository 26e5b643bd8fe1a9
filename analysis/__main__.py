"""`python -m analysis` runs the cvscope command line."""

from analysis.cli import main

main()
