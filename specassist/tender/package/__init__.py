"""The tender package around the specification: instructions, contract, forms, pricing.

Importing the package registers every section builder (``registry.REGISTRY``).
"""

from specassist.tender.package import forms, itt, network, phasing, pricing, recording, site
from specassist.tender.package.registry import PackageContext, assemble

__all__ = [
    "PackageContext",
    "assemble",
    "forms",
    "itt",
    "network",
    "phasing",
    "pricing",
    "recording",
    "site",
]
