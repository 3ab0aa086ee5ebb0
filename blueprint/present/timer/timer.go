// Package timer is the workshop countdown, without any drawing: a state
// machine that is idle, running, paused or ringing, read against a clock
// that the caller injects so that tests are exact. The presentation and
// the editor draw it and drive it from their keys; it never imports Fyne.
package timer

import (
	"fmt"
	"time"
)

// State is what a Timer is doing.
type State int

// The states of a Timer.
const (
	// Idle: no countdown; Start begins one.
	Idle State = iota
	// Running: counting down to zero.
	Running
	// Paused: stopped with time left; Resume goes on.
	Paused
	// Ringing: the countdown reached zero and the alarm is on until Stop
	// or AddMinute.
	Ringing
)

// String is the state's name, for messages and tests.
func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	case Paused:
		return "paused"
	case Ringing:
		return "ringing"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// Presets are the countdowns offered in a picker, in minutes.
var Presets = []int{1, 3, 5, 10, 15, 25}

// MaxMinutes is the longest countdown Start takes.
const MaxMinutes = 999

// Timer is a countdown. A running timer turns to Ringing when its clock
// reaches the deadline; the change is seen by the next call that reads
// the state. The zero value is not usable: make one with New.
type Timer struct {
	now      func() time.Time
	state    State
	total    time.Duration // the countdown as started, plus added minutes
	deadline time.Time     // when Running: the moment it rings
	left     time.Duration // when Paused: the time left
	rung     bool          // the current ring has been reported by TakeRing
}

// New returns an idle timer that reads the time from now; nil means
// time.Now.
func New(now func() time.Time) *Timer {
	if now == nil {
		now = time.Now
	}
	return &Timer{now: now}
}

// Start begins a countdown of minutes from now, whatever the timer was
// doing. Minutes outside 1…MaxMinutes are refused with an error and leave
// the timer as it was.
func (t *Timer) Start(minutes int) error {
	if minutes < 1 || minutes > MaxMinutes {
		return fmt.Errorf("a timer runs from 1 to %d minutes, not %d", MaxMinutes, minutes)
	}
	d := time.Duration(minutes) * time.Minute
	t.state, t.total, t.deadline, t.left, t.rung = Running, d, t.now().Add(d), 0, false
	return nil
}

// State is the timer's state now.
func (t *Timer) State() State {
	if t.state == Running && !t.now().Before(t.deadline) {
		t.state = Ringing
	}
	return t.state
}

// Pause stops a running countdown with its time left; it reports whether
// the timer was running.
func (t *Timer) Pause() bool {
	if t.State() != Running {
		return false
	}
	t.left = t.deadline.Sub(t.now())
	t.state = Paused
	return true
}

// Resume goes on with a paused countdown; it reports whether the timer
// was paused.
func (t *Timer) Resume() bool {
	if t.State() != Paused {
		return false
	}
	t.deadline = t.now().Add(t.left)
	t.state, t.left = Running, 0
	return true
}

// TogglePause pauses a running timer and resumes a paused one; it reports
// whether anything changed.
func (t *Timer) TogglePause() bool {
	if t.State() == Paused {
		return t.Resume()
	}
	return t.Pause()
}

// AddMinute gives a running or paused countdown one more minute, and a
// ringing timer is silenced and counts down one minute from now. An idle
// timer stays idle, so that a stray key starts nothing. It reports
// whether the timer changed.
func (t *Timer) AddMinute() bool {
	switch t.State() {
	case Running:
		t.deadline = t.deadline.Add(time.Minute)
	case Paused:
		t.left += time.Minute
	case Ringing:
		t.deadline = t.now().Add(time.Minute)
		t.state, t.rung = Running, false
	default:
		return false
	}
	t.total += time.Minute
	return true
}

// Stop ends the countdown or the alarm; the timer is idle after it. It
// reports whether the timer was doing anything.
func (t *Timer) Stop() bool {
	was := t.State() != Idle
	t.state, t.total, t.left, t.rung = Idle, 0, 0, false
	return was
}

// TakeRing reports, once per alarm, that the timer has started ringing:
// the first call after the countdown reaches zero is true and the next
// ones are false until the timer rings again. Views that share a timer
// sound the alarm when it is true, so that it sounds once.
func (t *Timer) TakeRing() bool {
	if t.State() != Ringing || t.rung {
		return false
	}
	t.rung = true
	return true
}

// Remaining is the time left: zero when idle or ringing.
func (t *Timer) Remaining() time.Duration {
	switch t.State() {
	case Running:
		return t.deadline.Sub(t.now())
	case Paused:
		return t.left
	}
	return 0
}

// Overtime is how long a ringing timer has been ringing, zero otherwise.
func (t *Timer) Overtime() time.Duration {
	if t.State() != Ringing {
		return 0
	}
	return t.now().Sub(t.deadline)
}

// Total is the length of the countdown, with the minutes added; zero when
// idle.
func (t *Timer) Total() time.Duration { return t.total }

// Text is the time left as "m:ss" ("h:mm:ss" from an hour), rounded up to
// the second so that it shows 0:00 only when the timer rings; "" when the
// timer is idle.
func (t *Timer) Text() string {
	if t.State() == Idle {
		return ""
	}
	return Format(t.Remaining())
}

// Format writes d as "m:ss", or "h:mm:ss" from an hour, rounded up to the
// second; a negative d is 0:00.
func Format(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64((d + time.Second - 1) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Flash reports whether the alarm's flash is lit now: a ringing timer
// flashes on and off every half second.
func (t *Timer) Flash() bool {
	if t.State() != Ringing {
		return false
	}
	return t.Overtime()/(500*time.Millisecond)%2 == 0
}
