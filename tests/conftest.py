import os
from pathlib import Path

import pytest

# No network at test time: everything must load from packages and local files.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
SHARED_EXAMPLES = REPO.parent / "shared" / "examples"


@pytest.fixture(scope="session")
def encoder():
    from claimcheck.models import get_encoder

    return get_encoder()
