package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// Message is text to be told in a language chosen later: a catalogue key
// and the arguments its {name} placeholders take. The lint findings are
// messages, so the command line and the editor each tell them in their
// own language.
type Message struct {
	// Key names the text in the catalogues.
	Key string
	// Args fill the placeholders, by name.
	Args []Arg
}

// Arg is one named argument of a message. Value is a string (written as
// is), a Message or a List (both told in the same language), or anything
// else, written with fmt.Sprint.
type Arg struct {
	Name  string
	Value any
}

// List is an argument made of items joined by a separator that is itself
// translated: the key ", " is "、" in Chinese.
type List struct {
	// Sep is the catalogue key of the separator.
	Sep string
	// Items are strings, messages or lists.
	Items []any
}

// M returns the message key with arguments given as name, value pairs:
// M("lint.long-wait", "step", s, "wait", w).
func M(key string, nameValues ...any) Message {
	m := Message{Key: key}
	if len(nameValues) >= 2 {
		m.Args = make([]Arg, 0, len(nameValues)/2)
	}
	for i := 0; i+1 < len(nameValues); i += 2 {
		name, ok := nameValues[i].(string)
		if !ok {
			name = fmt.Sprint(nameValues[i])
		}
		m.Args = append(m.Args, Arg{Name: name, Value: nameValues[i+1]})
	}
	return m
}

// Arg returns the argument called name.
func (m Message) Arg(name string) (any, bool) {
	for _, a := range m.Args {
		if a.Name == name {
			return a.Value, true
		}
	}
	return nil, false
}

// String is the message in English.
func (m Message) String() string { return English.Text(m) }

// Keys returns the catalogue keys m uses: its own and those of the
// messages and list separators among its arguments.
func (m Message) Keys() []string {
	keys := []string{m.Key}
	for _, a := range m.Args {
		keys = appendKeys(keys, a.Value)
	}
	return keys
}

func appendKeys(keys []string, v any) []string {
	switch v := v.(type) {
	case Message:
		keys = append(keys, v.Keys()...)
	case List:
		keys = append(keys, v.Sep)
		for _, it := range v.Items {
			keys = appendKeys(keys, it)
		}
	}
	return keys
}

// Text tells m in l: the text of its key with every {name} placeholder
// replaced by its argument. A placeholder without an argument stays as it
// is.
func (l Lang) Text(m Message) string {
	var b strings.Builder
	l.writeMessage(&b, m)
	return b.String()
}

// Format replaces every {name} placeholder of template by the argument of
// that name, told in l. Braces around anything but a name (letters,
// digits, - and _) are kept, so Fyne's {{.Name}} templates pass through.
func (l Lang) Format(template string, args ...Arg) string {
	if !strings.Contains(template, "{") {
		return template
	}
	var b strings.Builder
	l.format(&b, template, args)
	return b.String()
}

func (l Lang) writeMessage(b *strings.Builder, m Message) {
	t := l.T(m.Key)
	b.Grow(len(t) + 16*len(m.Args))
	l.format(b, t, m.Args)
}

// format writes template to b with its placeholders filled from args.
func (l Lang) format(b *strings.Builder, template string, args []Arg) {
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			b.WriteString(template)
			return
		}
		b.WriteString(template[:i])
		rest := template[i+1:]
		n := nameLen(rest)
		if n == 0 || n >= len(rest) || rest[n] != '}' {
			b.WriteByte('{')
			template = rest
			continue
		}
		name := rest[:n]
		found := false
		for _, a := range args {
			if a.Name == name {
				l.writeValue(b, a.Value)
				found = true
				break
			}
		}
		if !found {
			b.WriteString(template[i : i+n+2])
		}
		template = rest[n+1:]
	}
}

// nameLen is the length of the placeholder name s starts with.
func nameLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return i
		}
	}
	return len(s)
}

// writeValue tells one argument in l.
func (l Lang) writeValue(b *strings.Builder, v any) {
	switch v := v.(type) {
	case string:
		b.WriteString(v)
	case int:
		b.WriteString(strconv.Itoa(v))
	case Message:
		l.writeMessage(b, v)
	case List:
		sep := l.T(v.Sep)
		for i, it := range v.Items {
			if i > 0 {
				b.WriteString(sep)
			}
			l.writeValue(b, it)
		}
	default:
		fmt.Fprint(b, v)
	}
}

// Placeholders returns the {name} placeholders of template, in order, for
// checks that every translation takes the same arguments.
func Placeholders(template string) []string {
	var out []string
	for {
		i := strings.IndexByte(template, '{')
		if i < 0 {
			return out
		}
		rest := template[i+1:]
		n := nameLen(rest)
		if n > 0 && n < len(rest) && rest[n] == '}' {
			out = append(out, rest[:n])
			template = rest[n+1:]
			continue
		}
		template = rest
	}
}
