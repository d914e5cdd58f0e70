"""Response and criterion vocabularies shared by the vendors-file and panel models."""


from typing import Literal

ResponseLevel = Literal["native", "configurable", "custom", "not_supported"]
ResponseCode = Literal["native", "configurable", "custom", "third_party", "roadmap",
                       "not_supported"]
LEVELS: tuple[ResponseLevel, ...] = ("native", "configurable", "custom", "not_supported")
RESPONSE_CODES: tuple[ResponseCode, ...] = ("native", "configurable", "custom", "third_party",
                                            "roadmap", "not_supported")
CriterionKind = Literal["scored", "functional_fit", "cost"]
