"""The tracker: the query index (store and its migrations), query, status,
reminders, the scoresheet and the citation graph. A pure API (functions and
types, no argparse) over the pipeline's records."""
