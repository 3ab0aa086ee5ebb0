package cli

import (
	"bytes"
	"fmt"
	"strings"
)

// unifiedDiff returns a unified diff (3 lines of context) from a to b, both
// labelled name, or nil when they are equal.
func unifiedDiff(name string, a, b []byte) []byte {
	x, y := splitLines(a), splitLines(b)
	ops := diffLines(x, y)
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- %s.orig\n+++ %s\n", name, name)
	const ctx = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk spans changes less than 2*ctx equal lines apart.
		start := max(0, i-ctx)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*ctx {
				end = min(len(ops), end+ctx)
				break
			}
			end = run
		}
		ax, ay := ops[start].ax, ops[start].by
		var na, nb int
		for _, op := range ops[start:end] {
			if op.kind != '+' {
				na++
			}
			if op.kind != '-' {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(ax, na), hunkRange(ay, nb))
		for _, op := range ops[start:end] {
			out.WriteByte(op.kind)
			out.WriteString(op.text)
			if !strings.HasSuffix(op.text, "\n") {
				out.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return out.Bytes()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func splitLines(b []byte) []string {
	var lines []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, string(b))
			break
		}
		lines = append(lines, string(b[:i+1]))
		b = b[i+1:]
	}
	return lines
}

// diffOp is one line of an edit script: ' ' kept, '-' removed, '+' added.
// ax and by are the line's 0-based positions in the old and new text.
type diffOp struct {
	kind   byte
	text   string
	ax, by int
}

// diffLines computes a shortest edit script from x to y with Myers'
// algorithm, after trimming the common prefix and suffix.
func diffLines(x, y []string) []diffOp {
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var ops []diffOp
	for i := 0; i < pre; i++ {
		ops = append(ops, diffOp{' ', x[i], i, i})
	}
	ops = append(ops, myers(x[pre:len(x)-suf], y[pre:len(y)-suf], pre, pre)...)
	for i := 0; i < suf; i++ {
		xi, yi := len(x)-suf+i, len(y)-suf+i
		ops = append(ops, diffOp{' ', x[xi], xi, yi})
	}
	return ops
}

func myers(x, y []string, offX, offY int) []diffOp {
	n, m := len(x), len(y)
	maxD := n + m
	if maxD == 0 {
		return nil
	}
	v := make([]int, 2*maxD+2)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || (k != d && v[maxD+k-1] < v[maxD+k+1]) {
				i = v[maxD+k+1]
			} else {
				i = v[maxD+k-1] + 1
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			v[maxD+k] = i
			if i >= n && j >= m {
				return backtrack(trace, x, y, d, maxD, offX, offY)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, x, y []string, d, maxD, offX, offY int) []diffOp {
	var rev []diffOp
	i, j := len(x), len(y)
	for ; d > 0; d-- {
		v := trace[d]
		k := i - j
		var prevK int
		if k == -d || (k != d && v[maxD+k-1] < v[maxD+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		pi := v[maxD+prevK]
		pj := pi - prevK
		for i > pi && j > pj {
			i, j = i-1, j-1
			rev = append(rev, diffOp{' ', x[i], offX + i, offY + j})
		}
		if i > pi {
			i--
			rev = append(rev, diffOp{'-', x[i], offX + i, offY + j})
		} else {
			j--
			rev = append(rev, diffOp{'+', y[j], offX + i, offY + j})
		}
	}
	for i > 0 && j > 0 {
		i, j = i-1, j-1
		rev = append(rev, diffOp{' ', x[i], offX + i, offY + j})
	}
	ops := make([]diffOp, len(rev))
	for k, op := range rev {
		ops[len(rev)-1-k] = op
	}
	return ops
}
