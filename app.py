"""Start the claimcheck web page: `python app.py [--host H] [--port P] [--store DIR]`.

Binds 127.0.0.1 (this machine only) unless --host says otherwise, e.g. --host 0.0.0.0
to serve a local network; the page has no login, so only do that on a trusted network.
"""
from __future__ import annotations

import argparse


def main() -> None:
    parser = argparse.ArgumentParser(description="The claimcheck web page (Gradio).")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    parser.add_argument("--store", help="a reference store directory to preselect instead of the sample facts")
    args = parser.parse_args()

    from claimcheck.web import launch  # after argument parsing: --help stays instant

    launch(host=args.host, port=args.port, store=args.store)


if __name__ == "__main__":
    main()
