package blueprint

import (
	"strings"
	"testing"
)

// TestLoaderKeepsItsDocumentedPromises checks the refusals docs/format.md
// lists under "What is refused" that YAML itself would let through, and
// the positions of YAML syntax errors, each with the exact first error.
func TestLoaderKeepsItsDocumentedPromises(t *testing.T) {
	const head = "servicebp: 1\n"
	const steps = "steps:\n  - id: a\n    lane: customer\n    column: c\n"
	tests := []struct {
		name, src, want string
	}{
		// Escaped control characters: refused where the escape is.
		{"escaped NUL", head + `title: "Cof\0fee\e"` + "\n",
			`f.yaml:2:12: title contains the control character U+0000; blueprint text may hold tabs and line breaks but no other control characters`},
		{"escaped ESC after a CJK text", head + steps + `    text: "咖啡\x1b"` + "\n",
			`f.yaml:6:14: text contains the control character U+001B; blueprint text may hold tabs and line breaks but no other control characters`},
		{"escaped carriage return in a flow label", head + steps + "  - {id: b, lane: customer, column: c}\nflows:\n  - {from: a, to: b, label: \"a\\r\"}\n",
			`f.yaml:8:31: label contains the control character U+000D; blueprint text may hold tabs and line breaks but no other control characters`},
		{"escaped NEL on a later line", head + "title: \"a\n  b\\N\"\n",
			`f.yaml:3:4: title contains the control character U+0085; blueprint text may hold tabs and line breaks but no other control characters`},
		// Tags, the non-specific "!" included.
		{"non-specific tag", head + "title: ! 12\n", `f.yaml:2:8: YAML tags (!) are not allowed; quote the value if it must be text`},
		{"non-specific tag in a flow list", head + steps + "    tags: [a, ! b]\n", `f.yaml:6:15: YAML tags (!) are not allowed; quote the value if it must be text`},
		{"explicit tag", head + "title: !!str x\n", `f.yaml:2:8: YAML tags (!!str) are not allowed; quote the value if it must be text`},
		// Directives.
		{"YAML 1.1 directive", "%YAML 1.1\n---\n" + head, `f.yaml:1:1: YAML directives (%YAML) are not allowed in blueprint files, which need none; remove the line`},
		{"unused TAG directive after a comment", "# a blueprint\n%TAG !e! tag:example.com,2000:\n---\n" + head,
			`f.yaml:2:1: YAML directives (%TAG) are not allowed in blueprint files, which need none; remove the line`},
		// Whole numbers.
		{"hex version", "servicebp: 0x1\n", `f.yaml:1:12: servicebp must be a whole number written in decimal, such as 1 or -2, not 0x1`},
		{"octal version", "servicebp: 0o1\n", `f.yaml:1:12: servicebp must be a whole number written in decimal, such as 1 or -2, not 0o1`},
		{"leading zero version", "servicebp: 01\n", `f.yaml:1:12: servicebp must be a whole number written in decimal, such as 1 or -2, not 01`},
		{"underscore emotion", head + steps + "    emotion: 0_1\n", `f.yaml:6:14: emotion must be a whole number written in decimal, such as 1 or -2, not 0_1`},
		// Bidirectional controls and other invisible characters, raw.
		{"right-to-left override", head + "title: abc\u202edef\n",
			`f.yaml:2:11: bidirectional control character U+202E is not allowed raw, because it makes the text display in another order than it reads; write it escaped, as "\u202e" inside double quotes`},
		{"left-to-right isolate in a comment", head + "# x\u2066y\n",
			`f.yaml:2:4: bidirectional control character U+2066 is not allowed raw, because it makes the text display in another order than it reads; write it escaped, as "\u2066" inside double quotes`},
		{"right-to-left mark", head + steps + "    text: שלום\u200f!\n",
			`f.yaml:6:15: bidirectional control character U+200F is not allowed raw, because it makes the text display in another order than it reads; write it escaped, as "\u200f" inside double quotes`},
		{"Arabic letter mark", head + "title: \u061c\n",
			`f.yaml:2:8: bidirectional control character U+061C is not allowed raw, because it makes the text display in another order than it reads; write it escaped, as "\u061c" inside double quotes`},
		{"line separator", head + "title: a\u2028b\n",
			`f.yaml:2:9: line or paragraph separator U+2028 is not allowed raw, because YAML readers disagree on whether it ends a line; write it escaped, as "\u2028" inside double quotes`},
		{"byte-order mark inside", head + "title: a\ufeffb\n",
			`f.yaml:2:9: a byte-order mark (U+FEFF) is allowed only at the start of the file; write it escaped, as "\ufeff" inside double quotes`},
		// Lines with CR-only and CRLF line endings.
		{"control character, CR-only lines", "servicebp: 1\rtitle: a\x07\r", `f.yaml:2:9: control character U+0007 is not allowed`},
		{"control character, CRLF lines", "servicebp: 1\r\ntitle: a\x07\r\n", `f.yaml:2:9: control character U+0007 is not allowed`},
		{"unknown lane, CR-only lines", "servicebp: 1\rsteps:\r  - {id: a, lane: nowhere, column: c}\r", `f.yaml:3:5: step "a": unknown lane "nowhere"`},
		{"syntax error, CR-only lines", "servicebp: 1\rtitle: a: b\r", `f.yaml:2:9: YAML syntax error: mapping values are not allowed in this context`},
		{"flow error, CR-only lines", "servicebp: 1\rsteps:\r  - {id: a, lane: customer, column: c}\rflows:\r  - {from: a, to: a, label: Paid? Print}\r",
			`f.yaml:5:33: YAML syntax error: did not find expected ',' or '}'`},
		// Columns of YAML syntax errors.
		{"colon in a plain value", head + "title: Note: pay first\n", `f.yaml:2:12: YAML syntax error: mapping values are not allowed in this context`},
		{"colon on a continuation line", head + "title: a\n  b: c\n", `f.yaml:3:4: YAML syntax error: mapping values are not allowed in this context`},
		{"question mark in a flow label", head + steps + "  - {id: b, lane: customer, column: c}\nflows:\n  - {from: a, to: b, label: Paid? Print receipt}\n",
			`f.yaml:8:33: YAML syntax error: did not find expected ',' or '}'`},
		{"missing comma in a flow mapping", head + "lanes:\n  - {id: a name: b}\n", `f.yaml:3:16: YAML syntax error: did not find expected ',' or '}'`},
		{"wrong closing bracket", head + "columns:\n  - {id: a]\n", `f.yaml:3:11: YAML syntax error: did not find expected ',' or '}'`},
		{"text after a quoted value in a flow list", head + steps + "    tags: [\"a\" b]\n", `f.yaml:6:16: YAML syntax error: did not find expected ',' or ']'`},
		{"unclosed flow mapping", head + "columns:\n  - {id: a\n", `f.yaml:3:5: YAML syntax error: did not find expected ',' or '}'`},
		{"character that cannot start a token", head + "title: @home\n", `f.yaml:2:8: YAML syntax error: found character that cannot start any token`},
		{"backquote", head + steps + "    owner: `me`\n", `f.yaml:6:12: YAML syntax error: found character that cannot start any token`},
		{"tab in indentation", head + "steps:\n\t- id: a\n", `f.yaml:3:1: YAML syntax error: found character that cannot start any token`},
		{"unknown escape", head + `title: "a\qb"` + "\n", `f.yaml:2:10: YAML syntax error: found unknown escape character`},
		{"bad hex escape on a later line", head + "title: \"a\n  b\\xZZ\"\n", `f.yaml:3:4: YAML syntax error: did not find expected hexdecimal number`},
		{"unclosed quote", head + "title: 'abc\n", `f.yaml:2:8: YAML syntax error: found unexpected end of stream`},
		{"list item out of line", head + "lint:\n  disable:\n    - a\n   - b\n", `f.yaml:5:4: YAML syntax error: did not find expected key`},
		{"text after a quoted title", head + "title: \"a\" b\n", `f.yaml:2:12: YAML syntax error: did not find expected key`},
		{"text after a single-quoted title", head + "title: 'it''s' x\n", `f.yaml:2:16: YAML syntax error: did not find expected key`},
		{"step key one space short", head + steps + "   text: a\n", `f.yaml:6:4: YAML syntax error: did not find expected '-' indicator`},
		{"list item one space short, CRLF", "servicebp: 1\r\nlint:\r\n  disable:\r\n    - a\r\n   - b\r\n", `f.yaml:5:4: YAML syntax error: did not find expected key`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse accepted:\n%s", tt.src)
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if first != tt.want {
				t.Fatalf("first error:\n%s\nwant:\n%s", first, tt.want)
			}
		})
	}
}

// TestLoaderAcceptsWhatTheWriterEscapes checks that the characters the
// loader refuses raw, but a document may hold, load when written escaped,
// and that the writer writes them escaped again.
func TestLoaderAcceptsWhatTheWriterEscapes(t *testing.T) {
	src := "servicebp: 1\ntitle: \"abc\\u202edef \\u2028 \\ufeff \\u200f\"\n"
	d, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if want := "abc\u202edef \u2028 \ufeff \u200f"; d.Title != want {
		t.Fatalf("title %q, want %q", d.Title, want)
	}
	out, err := Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != src {
		t.Fatalf("written as\n%s\nwant\n%s", out, src)
	}
	for _, ok := range []string{"servicebp: 1\n", "servicebp: -0\n", "servicebp: +1\n", "servicebp: 1\nsteps:\n  - {id: a, lane: customer, column: c, emotion: -2}\n"} {
		if _, err := Parse("f.yaml", []byte(ok)); err != nil && !strings.Contains(err.Error(), "invalid format version") {
			t.Errorf("%q: %v", ok, err)
		}
	}
}
