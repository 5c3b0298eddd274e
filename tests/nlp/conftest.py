"""The component tests build small pipelines by factory name; every factory is registered first."""

from pipeline.nlp.build import register_components

register_components()
