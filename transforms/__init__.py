"""Pure transforms: decoded text in, typed facts and polars frames out."""

import logging

# jieba announces its dictionary load at DEBUG through the root logger, which Prefect's
# console handler would print for every worker process.
logging.getLogger("jieba").setLevel(logging.WARNING)
