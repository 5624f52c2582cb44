"""Editors build the templates (pages, covered by page permissions). Plans themselves get
no model permissions on purpose: access goes only through plan membership."""

MODEL_PERMISSIONS: dict = {}
