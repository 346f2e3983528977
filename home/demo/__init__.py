"""Demo content for `manage.py load_demo_content`: the copy (content.py) and the artwork (images.py)."""
