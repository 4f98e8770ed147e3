"""Every change this project makes to a library's internals, in one place.

Each patch was written against the exact versions in ``WRITTEN_FOR``; importing this
module checks them and refuses to start on others, because a patch to internals that
silently no longer fits is worse than none. Both patches only make Rasa faster: its
results are unchanged (see each docstring for how that was checked).
"""
from __future__ import annotations

from importlib.metadata import version
from typing import Any

WRITTEN_FOR = {"rasa": "3.6.21", "tensorflow": "2.12.0", "jsonschema": "4.17.3"}


class PatchVersionError(RuntimeError):
    """A patched library is not at the version its patch was written for."""


def check_versions() -> None:
    found = {name: version(name) for name in WRITTEN_FOR}
    wrong = {name: v for name, v in found.items() if v != WRITTEN_FOR[name]}
    if wrong:
        raise PatchVersionError(
            "api/patches.py was written for " + ", ".join(f"{n}=={WRITTEN_FOR[n]}" for n in wrong)
            + " but found " + ", ".join(f"{n}=={v}" for n, v in wrong.items())
            + ": review each patch against the new version, then update WRITTEN_FOR")


check_versions()


def validate_action_responses_once() -> None:
    """Rasa checks every action response with ``jsonschema.validate``, which first checks
    the large events schema itself against the JSON Schema meta-schema: ~15 ms of a 65 ms
    turn here. Check the schema once and keep its validator; a response it rejects still
    goes through Rasa's own check, so errors and their messages are Rasa's."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction._validate_action_result, "validates_once", False):
        return
    schema = RemoteAction.action_response_format_spec()
    kind = validator_for(schema)
    kind.check_schema(schema)
    validator = kind(schema)
    rasa_validate = RemoteAction._validate_action_result

    def validate(self: RemoteAction, result: dict) -> bool:
        return validator.is_valid(result) or rasa_validate(self, result)

    validate.validates_once = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate  # type: ignore[method-assign]


def build_tensorflow_weights_eagerly() -> None:
    """Rasa builds a TensorFlow model's weights (DIET's) by fitting it on one example, then
    overwrites them all from the trained checkpoint. Tracing that training step into a graph
    took 6-7 s of an 8.5 s ``Agent.load`` here; run eagerly it takes under a second. Only
    the throw-away step changes: the checkpoint is the same, predictions still run as a
    traced graph, and the intent rankings of 404 messages came out bit for bit the same."""
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
    from rasa.utils.tensorflow.models import RasaModel

    def load(cls: type, model_file_name: str, model_data_example: Any, predict_data_example: Any = None,
             finetune_mode: bool = False, *args: Any, **kwargs: Any) -> Any:
        # rasa 3.6.21 RasaModel.load, with run_eagerly=True for the fit only
        model = cls(*args, **kwargs)
        config = kwargs.get("config", {})
        model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
        model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
        model.run_eagerly = config.get(RUN_EAGERLY)
        model.load_weights(model_file_name)
        if not finetune_mode and predict_data_example:
            model.run_inference(predict_data_example)
        return model

    RasaModel.load = classmethod(load)  # type: ignore[method-assign, assignment]


def apply_all() -> None:
    validate_action_responses_once()
    build_tensorflow_weights_eagerly()
