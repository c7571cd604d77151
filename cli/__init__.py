"""The `vanban` command: `cli.main` dispatches, one module per subcommand,
each a thin shell (argparse in, exit status out) over the library."""
