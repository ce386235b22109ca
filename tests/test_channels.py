import numpy as np
import pytest

from kfstudio import channels as ch


def test_order_and_counts():
    assert len(ch.NAMES) == 61
    assert ch.NAMES[0] == "EyeBlinkLeft" and ch.NAMES[51] == "TongueOut" and ch.NAMES[60] == "RightEyeRoll"
    # Live Link Face puts Jaw/Mouth Right before Left
    assert ch.NAMES.index("JawRight") < ch.NAMES.index("JawLeft")
    assert ch.NAMES.index("MouthRight") < ch.NAMES.index("MouthLeft")
    assert all(c.lower == 0 for c in ch.CHANNELS[:52]) and all(c.lower == -1 for c in ch.CHANNELS[52:])
    assert {c.group for c in ch.CHANNELS} == set(ch.GROUPS)
    assert all(c.meaning for c in ch.CHANNELS)


@pytest.mark.parametrize(
    "spelling, name",
    [
        ("eyeBlink_L", "EyeBlinkLeft"),
        ("EyeBlinkLeft", "EyeBlinkLeft"),
        ("eyeblinkleft", "EyeBlinkLeft"),
        ("eyeBlinkLeft", "EyeBlinkLeft"),
        ("eyeBlinkL", "EyeBlinkLeft"),
        ("EyeBlink.R", "EyeBlinkRight"),
        ("mouth_smile_right", "MouthSmileRight"),
        ("blendShape1.jawOpen", "JawOpen"),
        ("Face:browInnerUp", "BrowInnerUp"),
        ("headYaw", "HeadYaw"),
        ("leftEyePitch", "LeftEyePitch"),
        ("tongueOut", "TongueOut"),
    ],
)
def test_lookup_spellings(spelling, name):
    assert ch.lookup(spelling).name == name


def test_every_arkit_and_llf_name_resolves():
    for c in ch.CHANNELS:
        assert ch.lookup(c.arkit) is c
        assert ch.lookup(c.name.upper()) is c


def test_unknown_name_suggests_nearest():
    with pytest.raises(ch.UnknownChannelError) as e:
        ch.lookup("eyeBlinkLfet")
    assert "EyeBlinkLeft" in str(e.value)
    with pytest.raises(KeyError):
        ch.lookup("completelyUnrelated")


def test_mirror_is_an_involution_and_swaps_sides():
    v = np.random.default_rng(1).uniform(-1, 1, 61)
    assert np.allclose(ch.mirror_values(ch.mirror_values(v)), v)
    m = ch.mirror_values(v)
    assert m[ch.channel_index("EyeBlinkRight")] == v[ch.channel_index("EyeBlinkLeft")]
    assert m[ch.channel_index("JawLeft")] == v[ch.channel_index("JawRight")]
    assert m[ch.channel_index("HeadYaw")] == -v[ch.channel_index("HeadYaw")]
    assert m[ch.channel_index("HeadPitch")] == v[ch.channel_index("HeadPitch")]
    assert m[ch.channel_index("RightEyeYaw")] == -v[ch.channel_index("LeftEyeYaw")]
    assert m[ch.channel_index("BrowInnerUp")] == v[ch.channel_index("BrowInnerUp")]


def test_clamp_handles_nan_and_range():
    v = np.full(61, 5.0)
    v[0] = np.nan
    v[60] = -7
    c = ch.clamp(v)
    assert c[0] == 0 and c[1] == 1 and c[60] == -1
