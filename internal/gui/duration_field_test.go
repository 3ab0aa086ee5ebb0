package gui

import (
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/internal/state"
)

// TestDurationInWords types durations the way people write them, in
// Chinese and in English words, into the inspector's wait field: each is
// stored in the file's units. A duration that still cannot be read is
// refused with a message in the interface's language.
func TestDurationInWords(t *testing.T) {
	for typed, want := range map[string]blueprint.Duration{
		"8分钟":       8 * blueprint.Minute,
		"1 小时 30 分": 90 * blueprint.Minute,
		"１５分":       15 * blueprint.Minute,
		"2天":        2 * blueprint.Day,
		"1週":        blueprint.Week,
		"30秒":       30 * blueprint.Second,
		"90 min":    90 * blueprint.Minute,
		"2 hours":   2 * blueprint.Hour,
		"1 day 2 h": blueprint.Day + 2*blueprint.Hour,
		"1h30m":     90 * blueprint.Minute,
	} {
		got, err := parseDurationField(typed)
		if err != nil || got != want {
			t.Errorf("%q = %v, %v; want %v", typed, got, err, want)
		}
	}

	e := testEditor(t, "coffee.yaml")
	e.SetSelection(state.StepSelection("tap-card"))
	replaceText(e, e.ui.inspector.step.wait, "8分钟")
	key(e, "Return")
	if got := e.Doc().Step("tap-card").Wait; got != 8*blueprint.Minute {
		t.Errorf("wait = %v after typing 8分钟, want 8m", got)
	}

	useLanguage(t, "zh_CN.UTF-8")
	_, err := parseDurationField("很快")
	if err == nil || !strings.Contains(err.Error(), "无效的时长") || strings.Contains(err.Error(), "units are") {
		t.Errorf("error %v, want it in Chinese", err)
	}
}
