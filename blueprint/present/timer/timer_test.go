package timer

import (
	"testing"
	"time"
)

// clock is a settable time for exact tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTimer() (*Timer, *clock) {
	c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	return New(c.now), c
}

func expect(t *testing.T, tm *Timer, state State, left time.Duration, text string) {
	t.Helper()
	if got := tm.State(); got != state {
		t.Errorf("state %v, want %v", got, state)
	}
	if got := tm.Remaining(); got != left {
		t.Errorf("remaining %v, want %v", got, left)
	}
	if got := tm.Text(); got != text {
		t.Errorf("text %q, want %q", got, text)
	}
}

func TestStartRunsDownAndRings(t *testing.T) {
	tm, c := newTimer()
	expect(t, tm, Idle, 0, "")
	if err := tm.Start(5); err != nil {
		t.Fatal(err)
	}
	expect(t, tm, Running, 5*time.Minute, "5:00")
	c.advance(100 * time.Millisecond)
	expect(t, tm, Running, 5*time.Minute-100*time.Millisecond, "5:00")
	c.advance(time.Minute + 900*time.Millisecond)
	expect(t, tm, Running, 3*time.Minute+59*time.Second, "3:59")
	c.advance(3*time.Minute + 59*time.Second - time.Nanosecond)
	expect(t, tm, Running, time.Nanosecond, "0:01")
	c.advance(time.Nanosecond)
	expect(t, tm, Ringing, 0, "0:00")
	if tm.Overtime() != 0 || !tm.Flash() {
		t.Errorf("at zero: overtime %v flash %v, want 0 and lit", tm.Overtime(), tm.Flash())
	}
	c.advance(700 * time.Millisecond)
	if tm.Overtime() != 700*time.Millisecond || tm.Flash() {
		t.Errorf("0.7 s later: overtime %v flash %v, want 700ms and dark", tm.Overtime(), tm.Flash())
	}
	c.advance(300 * time.Millisecond)
	if !tm.Flash() {
		t.Error("1 s after zero the flash is dark, want lit")
	}
	if tm.Total() != 5*time.Minute {
		t.Errorf("total %v, want 5m", tm.Total())
	}
}

func TestRingsWhenReadLate(t *testing.T) {
	tm, c := newTimer()
	_ = tm.Start(1)
	c.advance(2 * time.Minute)
	expect(t, tm, Ringing, 0, "0:00")
	if tm.Overtime() != time.Minute {
		t.Errorf("overtime %v, want 1m", tm.Overtime())
	}
	// A late reader cannot pause a timer that has rung.
	if tm.Pause() {
		t.Error("Pause of a ringing timer reported a change")
	}
	expect(t, tm, Ringing, 0, "0:00")
}

func TestPauseAndResume(t *testing.T) {
	tm, c := newTimer()
	if tm.Pause() || tm.Resume() || tm.TogglePause() {
		t.Fatal("pause or resume of an idle timer reported a change")
	}
	_ = tm.Start(3)
	c.advance(30 * time.Second)
	if tm.Resume() {
		t.Error("Resume of a running timer reported a change")
	}
	if !tm.Pause() {
		t.Fatal("Pause of a running timer reported no change")
	}
	expect(t, tm, Paused, 150*time.Second, "2:30")
	c.advance(10 * time.Minute) // paused time does not count
	expect(t, tm, Paused, 150*time.Second, "2:30")
	if tm.Pause() {
		t.Error("Pause of a paused timer reported a change")
	}
	if !tm.TogglePause() {
		t.Fatal("TogglePause of a paused timer reported no change")
	}
	expect(t, tm, Running, 150*time.Second, "2:30")
	c.advance(50 * time.Second)
	expect(t, tm, Running, 100*time.Second, "1:40")
	if !tm.TogglePause() {
		t.Fatal("TogglePause of a running timer reported no change")
	}
	expect(t, tm, Paused, 100*time.Second, "1:40")
	_ = tm.Resume()
	c.advance(100 * time.Second)
	expect(t, tm, Ringing, 0, "0:00")
}

func TestAddMinuteInEveryState(t *testing.T) {
	tm, c := newTimer()
	if tm.AddMinute() { // idle: nothing
		t.Error("AddMinute of an idle timer reported a change")
	}
	expect(t, tm, Idle, 0, "")
	_ = tm.Start(1)

	c.advance(20 * time.Second)
	if !tm.AddMinute() { // running
		t.Error("AddMinute of a running timer reported no change")
	}
	expect(t, tm, Running, 100*time.Second, "1:40")
	if tm.Total() != 2*time.Minute {
		t.Errorf("total %v, want 2m", tm.Total())
	}

	tm.Pause()
	tm.AddMinute() // paused
	expect(t, tm, Paused, 160*time.Second, "2:40")

	tm.Resume()
	c.advance(3 * time.Minute)
	expect(t, tm, Ringing, 0, "0:00")
	tm.AddMinute() // ringing: silenced, one minute from now
	expect(t, tm, Running, time.Minute, "1:00")
	if tm.Total() != 4*time.Minute {
		t.Errorf("total %v, want 4m", tm.Total())
	}
}

func TestStopFromEveryState(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(*Timer, *clock)
		was   bool
	}{
		{"idle", func(*Timer, *clock) {}, false},
		{"running", func(tm *Timer, _ *clock) { _ = tm.Start(10) }, true},
		{"paused", func(tm *Timer, _ *clock) { _ = tm.Start(10); tm.Pause() }, true},
		{"ringing", func(tm *Timer, c *clock) { _ = tm.Start(1); c.advance(time.Minute) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm, c := newTimer()
			tc.setup(tm, c)
			if got := tm.Stop(); got != tc.was {
				t.Errorf("Stop reported %v, want %v", got, tc.was)
			}
			expect(t, tm, Idle, 0, "")
			if tm.Total() != 0 || tm.Overtime() != 0 || tm.Flash() {
				t.Errorf("after Stop: total %v overtime %v flash %v", tm.Total(), tm.Overtime(), tm.Flash())
			}
		})
	}
}

func TestStartRestartsAndRefusesBadMinutes(t *testing.T) {
	tm, c := newTimer()
	_ = tm.Start(1)
	c.advance(time.Minute)
	expect(t, tm, Ringing, 0, "0:00")
	if err := tm.Start(25); err != nil {
		t.Fatal(err)
	}
	expect(t, tm, Running, 25*time.Minute, "25:00")
	for _, m := range []int{0, -3, MaxMinutes + 1} {
		if err := tm.Start(m); err == nil {
			t.Errorf("Start(%d) gave no error", m)
		}
	}
	expect(t, tm, Running, 25*time.Minute, "25:00")
	if err := tm.Start(MaxMinutes); err != nil {
		t.Fatal(err)
	}
	expect(t, tm, Running, MaxMinutes*time.Minute, "16:39:00")
}

func TestFormat(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Second:                   "0:00",
		0:                              "0:00",
		time.Millisecond:               "0:01",
		59 * time.Second:               "0:59",
		time.Minute:                    "1:00",
		10*time.Minute + 5*time.Second: "10:05",
		time.Hour - time.Millisecond:   "1:00:00",
		time.Hour + 61*time.Second:     "1:01:01",
	} {
		if got := Format(d); got != want {
			t.Errorf("Format(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestStateNames(t *testing.T) {
	for s, want := range map[State]string{Idle: "idle", Running: "running", Paused: "paused", Ringing: "ringing", 9: "State(9)"} {
		if s.String() != want {
			t.Errorf("%d: %q, want %q", int(s), s.String(), want)
		}
	}
}

func TestPresetsAreValid(t *testing.T) {
	tm, _ := newTimer()
	for _, m := range Presets {
		if err := tm.Start(m); err != nil {
			t.Errorf("preset %d: %v", m, err)
		}
	}
	if len(Presets) != 6 {
		t.Errorf("presets %v, want 1, 3, 5, 10, 15, 25", Presets)
	}
}

func TestNewNilUsesWallClock(t *testing.T) {
	tm := New(nil)
	_ = tm.Start(1)
	if r := tm.Remaining(); r <= 0 || r > time.Minute {
		t.Errorf("remaining %v on the wall clock, want within (0, 1m]", r)
	}
}

func TestTakeRingOncePerAlarm(t *testing.T) {
	tm, c := newTimer()
	_ = tm.Start(1)
	if tm.TakeRing() {
		t.Fatal("TakeRing of a running timer is true")
	}
	c.advance(time.Minute)
	if !tm.TakeRing() {
		t.Fatal("TakeRing at zero is false")
	}
	c.advance(time.Second)
	if tm.TakeRing() {
		t.Error("TakeRing is true twice for one alarm")
	}
	tm.AddMinute()
	c.advance(time.Minute)
	if !tm.TakeRing() {
		t.Error("TakeRing after a minute added and run out is false")
	}
	_ = tm.Start(1)
	c.advance(time.Minute)
	if !tm.TakeRing() {
		t.Error("TakeRing after a restart is false")
	}
	tm.Stop()
	if tm.TakeRing() {
		t.Error("TakeRing of a stopped timer is true")
	}
}
