"""`{{ bound_field|field_block }}` and `{{ form|form_blocks }}`: fields in the site's
Bootstrap markup, written in Python (see `stages.worksheets.fields`)."""

from django import template

from stages.worksheets.fields import field_block, form_blocks

register = template.Library()
register.filter("field_block", field_block)
register.filter("form_blocks", form_blocks)
