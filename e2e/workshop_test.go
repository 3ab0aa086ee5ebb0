//go:build e2e

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"servicebp/blueprint"
)

// TestWorkshopVotesAndTimer runs a workshop from the editor as a
// facilitator would: F5 presents the open blueprint, Down spotlights the
// first card, + twice gives it two dot votes, M 1 Enter starts a one-minute
// timer, Esc clears the spotlight and Esc leaves the presentation; the
// votes are edits of the editor's blueprint, so its title is dirty, and
// Ctrl+S writes them to the file.
func TestWorkshopVotesAndTimer(t *testing.T) {
	en := newEnv(t)
	path := copyFile(t, hotel, t.TempDir())
	before, err := blueprint.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if before.TotalVotes() != 0 {
		t.Fatal("the hotel template already has votes")
	}
	a := en.start(t, path)
	a.key("F5")
	// The presentation is a window of its own: find it, and type into it.
	var pres string
	if !poll(15*time.Second, 100*time.Millisecond, func() bool {
		out, err := xcommand(a.display, "xdotool", "search", "--all", "--onlyvisible", "--pid", fmt.Sprint(a.cmd.Process.Pid), "--name", ".").Output()
		if err != nil {
			return false
		}
		for _, id := range strings.Fields(string(out)) {
			if id != a.win {
				pres = id
				return true
			}
		}
		return false
	}) {
		t.Fatal("F5 opened no presentation window")
	}
	time.Sleep(time.Second)
	a.xdotool("windowfocus", pres)
	for _, k := range []string{"Down", "plus", "plus", "m", "1", "Return"} {
		a.xdotool("key", "--window", pres, k)
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second)
	screenshot(t, "workshop-votes-timer")
	for _, k := range []string{"Escape", "Escape"} {
		a.xdotool("key", "--window", pres, k)
		time.Sleep(300 * time.Millisecond)
	}
	if !poll(10*time.Second, 100*time.Millisecond, func() bool {
		out, _ := xcommand(a.display, "xdotool", "search", "--all", "--onlyvisible", "--pid", fmt.Sprint(a.cmd.Process.Pid), "--name", ".").Output()
		return !strings.Contains(string(out), pres)
	}) {
		t.Fatal("Esc did not close the presentation")
	}
	a.focus()
	a.waitTitle("no dirty marker after voting in the presentation", isDirty)
	a.save()

	after, err := blueprint.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var voted []blueprint.Step
	for _, s := range after.Steps {
		if s.Votes > 0 {
			voted = append(voted, s)
		}
	}
	if len(voted) != 1 || voted[0].Votes != 2 {
		t.Fatalf("votes on disk %+v, want one step with 2", voted)
	}
	if voted[0].Column != after.Columns[0].ID {
		t.Errorf("the voted step %s is in column %s, want the first column %s", voted[0].ID, voted[0].Column, after.Columns[0].ID)
	}
	a.quit()
}
