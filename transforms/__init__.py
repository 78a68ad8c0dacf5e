"""Pure transforms: decoded text in, typed facts and polars frames out."""

import logging

import jieba

# jieba sets its own logger to DEBUG when imported and announces every dictionary load,
# which Prefect's console handler would print for every worker process.
jieba.setLogLevel(logging.WARNING)
