"""The face regions the planner reports reading (``Plan.understood``) and the learned layer fills:
one definition for the head's features (:mod:`.model`) and the gate (:mod:`.gate`)."""

REGIONS = ("brows", "cheeks", "eyes", "gaze", "head", "mouth", "nose")
