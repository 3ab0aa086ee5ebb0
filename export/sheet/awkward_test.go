package sheet

import (
	"bytes"
	"testing"

	"servicebp/blueprint"
)

// awkward is a blueprint with the values that are hardest to keep in a
// spreadsheet: formula-like and quoted texts, lists with commas, padded
// and multi-line texts, Chinese, comments everywhere, an empty column, a
// custom lane and line, a queue, and lint settings.
const awkward = `# header comment
servicebp: 1
title: "=cmd|' /C calc'!A0"
description: 顾客 "quoted" 描述
lanes:
  - {id: customer}
  # above the partner lane
  - {id: partner, name: "+Partners"}
  - {id: support}
lines:
  - {id: deal, kind: custom, name: Line of deal, below: customer, style: dotted}
columns:
  - {id: c1, name: '-1', phase: '@start'}
  - {id: empty, name: No steps here}
  # a column comment
  - {id: c3}
# steps comment
steps:
  - id: a
    lane: customer
    column: c1
    text: "'=already quoted"
    owner: "  padded owner  "
    duration: 1h30m
    wait: 20m
    # about the queue
    queue:
      arrivals: 30/h
      servers: 2
      service: 3m
    waiting: [fair, explained]
    fail: "-- nothing works"
    recovery: "line one\nline two"
    moment: true
    emotion: -2
    tags: ["a, b", c, "[x]"]
    notes: "tab\tinside, 中文"
    # the end of a
  - id: b
    lane: partner
    column: c1
    text: 合作伙伴
    emotion: 2
  - id: c
    lane: support
    column: c3
    text: "@mention"
flows:
  - {from: a, to: b, label: "=label", two-way: true}
  # a flow comment
  - {from: b, to: c}
lint:
  disable: [fail-owner]
  long-wait: 1h
# footer comment
`

func TestRoundTripAwkward(t *testing.T) {
	d, err := blueprint.Parse("awkward.yaml", []byte(awkward))
	if err != nil {
		t.Fatal(err)
	}
	want := canonical(t, d)
	for _, format := range []string{"csv", "xlsx"} {
		if got := roundTrip(t, d, format); !bytes.Equal(got, want) {
			t.Errorf("%s: the round trip differs:\n%s", format, firstDiff(want, got))
		}
	}
}
