"""The field types a criteria set is built of, shared by its tree (`criteria.model`) and its rules
(`criteria.rules`): frozen nodes that refuse unknown keys, and bounded numbers."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Bounded in size and in decimals (1e-99999999 is a small number with a hundred million digits to print)
Points = Annotated[Decimal, Field(ge=0, le=10_000, decimal_places=4, allow_inf_nan=False)]
Bound = Annotated[Decimal, Field(ge=-1_000_000_000, le=1_000_000_000, decimal_places=4, allow_inf_nan=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
