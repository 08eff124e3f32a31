package specdiff

import (
	"fmt"
	"sort"
	"strings"
)

// DefaultMaxItems is how many entries Markdown shows per list before
// summarising the rest as "… and K more".
const DefaultMaxItems = 50

// maxOperationsPerField bounds the operations named after one response
// field change.
const maxOperationsPerField = 3

// Markdown renders the report with DefaultMaxItems entries per list.
func (r *Report) Markdown() string { return r.MarkdownLimit(DefaultMaxItems) }

// MarkdownLimit renders the report as Markdown, showing at most maxItems
// entries per list (and per sub-list); a value below 1 means no limit.
// Counts always cover every entry, and count entries as displayed: request
// changes once per path and set of methods with the same changes, response
// changes once per distinct field change (so they differ from
// Report.BreakingCount, which counts every operation). The output starts with the verdict line
// ("**Verdict: breaking**", "**Verdict: not breaking**" or "No change."),
// uses "###" section headings so that it can sit under a release heading,
// and is deterministic: the same report always gives the same bytes.
//
// GET, POST, … of one path are shown on one line when their changes are the
// same. Response changes are listed once per distinct field change, with
// the operations they affect, since one component schema is often returned
// by many operations. Breaking entries come first in each list and are also
// gathered in a "Breaking changes" section.
func (r *Report) MarkdownLimit(maxItems int) string {
	if r.Empty() {
		return "No change.\n"
	}
	m := build(r)
	var b strings.Builder
	if m.breaking.count > 0 {
		b.WriteString("**Verdict: breaking**\n\n")
	} else {
		b.WriteString("**Verdict: not breaking**\n\n")
	}
	if r.IncludeUndocumented {
		b.WriteString("Scope: all operations, `x-undocumented` included; component schemas used by them.\n\n")
	} else {
		b.WriteString("Scope: documented operations (`x-undocumented` left out, as in the generated client); component schemas used by them.\n\n")
	}
	m.writeSummary(&b)
	for _, s := range []*section{
		&m.breaking, &m.opsRemoved, &m.opsAdded, &m.opsDeprecated,
		&m.schemasRemoved, &m.schemasAdded, &m.request, &m.response, &m.schemas,
	} {
		s.write(&b, maxItems)
	}
	return b.String()
}

// item is one bullet, with optional sub-bullets.
type item struct {
	text     string
	sub      []string
	breaking bool
	key      string
}

// section is one "###" list.
type section struct {
	title string
	// count is the exact number of things in the section, unit its noun.
	count int
	unit  string
	items []item
}

func (s *section) write(b *strings.Builder, maxItems int) {
	if len(s.items) == 0 {
		return
	}
	fmt.Fprintf(b, "### %s (%s)\n\n", s.title, plural(s.count, s.unit))
	shown := capped(len(s.items), maxItems)
	for _, it := range s.items[:shown] {
		fmt.Fprintf(b, "- %s\n", it.text)
		subShown := capped(len(it.sub), maxItems)
		for _, sub := range it.sub[:subShown] {
			fmt.Fprintf(b, "  - %s\n", sub)
		}
		if rest := len(it.sub) - subShown; rest > 0 {
			fmt.Fprintf(b, "  - … and %d more\n", rest)
		}
	}
	if rest := len(s.items) - shown; rest > 0 {
		fmt.Fprintf(b, "- … and %d more\n", rest)
	}
	b.WriteString("\n")
}

func capped(n, maxItems int) int {
	if maxItems < 1 || n <= maxItems {
		return n
	}
	return maxItems
}

func plural(n int, unit string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, unit)
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// sortItems puts breaking items first, then sorts by key.
func sortItems(items []item) {
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].breaking != items[j].breaking {
			return items[i].breaking
		}
		return items[i].key < items[j].key
	})
}

// markdownModel is the report grouped for display.
type markdownModel struct {
	breaking, opsAdded, opsRemoved, opsDeprecated section
	schemasAdded, schemasRemoved                  section
	request, response, schemas                    section
	// tally counts displayed changes by area ("request", "response",
	// "schema") and Kind.
	tally map[string]map[Kind]int
}

func build(r *Report) *markdownModel {
	m := &markdownModel{tally: map[string]map[Kind]int{"request": {}, "response": {}, "schema": {}}}
	m.breaking = section{title: "Breaking changes", unit: "change"}
	m.opsAdded = operationSection("Operations added", r.OperationsAdded)
	m.opsRemoved = operationSection("Operations removed", r.OperationsRemoved)
	m.opsDeprecated = operationSection("Operations deprecated", r.OperationsDeprecated)
	for _, g := range groupOperations(r.OperationsRemoved) {
		m.addBreaking("operation removed: " + g.text)
	}
	m.schemasAdded = componentSection("Component schemas added", r.SchemasAdded)
	m.schemasRemoved = componentSection("Component schemas removed", r.SchemasRemoved)
	for _, c := range r.SchemasRemoved {
		m.addBreaking("component schema removed: " + componentText(c))
	}
	m.buildRequest(r)
	m.buildResponse(r)
	m.buildSchemas(r)
	sortItems(m.breaking.items)
	return m
}

func (m *markdownModel) addBreaking(text string) {
	m.breaking.items = append(m.breaking.items, item{text: text, key: fmt.Sprintf("%06d", len(m.breaking.items))})
	m.breaking.count++
}

// opGroup is a set of methods of one path shown on one line.
type opGroup struct {
	path    string
	methods []string
	text    string
}

// groupOperations joins the operations of one path that share a note.
func groupOperations(ops []Operation) []opGroup {
	var groups []opGroup
	idx := make(map[string]int)
	for _, op := range ops {
		key := op.Path + "\x00" + op.Note
		i, ok := idx[key]
		if !ok {
			i = len(groups)
			idx[key] = i
			groups = append(groups, opGroup{path: op.Path})
		}
		groups[i].methods = append(groups[i].methods, op.Method)
		groups[i].text = "`" + strings.Join(groups[i].methods, ", ") + " " + op.Path + "`"
		if op.Note != "" {
			groups[i].text += " — " + op.Note
		}
	}
	return groups
}

func operationSection(title string, ops []Operation) section {
	s := section{title: title, count: len(ops), unit: "operation"}
	for _, g := range groupOperations(ops) {
		s.items = append(s.items, item{text: g.text, key: g.path})
	}
	return s
}

func componentText(c Component) string {
	t := "`" + c.Name + "`"
	if c.Note != "" {
		t += " — " + c.Note
	}
	return t
}

func componentSection(title string, cs []Component) section {
	s := section{title: title, count: len(cs), unit: "schema"}
	for _, c := range cs {
		s.items = append(s.items, item{text: componentText(c), key: c.Name})
	}
	return s
}

// buildRequest lists request changes per path, joining the methods whose
// changes read the same.
func (m *markdownModel) buildRequest(r *Report) {
	m.request = section{title: "Request changes", unit: "change"}
	type methodLines struct {
		method string
		lines  []string
		items  []Change
	}
	byPath := make(map[string][]methodLines)
	var paths []string
	for _, d := range r.Operations {
		if len(d.Request) == 0 {
			continue
		}
		if _, ok := byPath[d.Operation.Path]; !ok {
			paths = append(paths, d.Operation.Path)
		}
		ml := methodLines{method: d.Operation.Method, items: d.Request}
		for _, c := range d.Request {
			ml.lines = append(ml.lines, changeText(c))
		}
		byPath[d.Operation.Path] = append(byPath[d.Operation.Path], ml)
	}
	for _, path := range paths {
		var groups []methodLines
		var methods [][]string
		for _, ml := range byPath[path] {
			joined := false
			for i, g := range groups {
				if strings.Join(g.lines, "\n") == strings.Join(ml.lines, "\n") {
					methods[i] = append(methods[i], ml.method)
					joined = true
					break
				}
			}
			if !joined {
				groups = append(groups, ml)
				methods = append(methods, []string{ml.method})
			}
		}
		for i, g := range groups {
			name := "`" + strings.Join(methods[i], ", ") + " " + path + "`"
			it := item{text: name, key: path + "\x00" + fmt.Sprintf("%02d", i)}
			subs := make([]item, len(g.items))
			for j, c := range g.items {
				subs[j] = item{text: g.lines[j] + breakingMark(c), breaking: c.Breaking, key: fmt.Sprintf("%06d", j)}
				m.tally["request"][c.Kind]++
				m.request.count++
				if c.Breaking {
					it.breaking = true
					m.addBreaking(name + ": " + g.lines[j])
				}
			}
			sortItems(subs)
			for _, s := range subs {
				it.sub = append(it.sub, s.text)
			}
			m.request.items = append(m.request.items, it)
		}
	}
	sortItems(m.request.items)
}

// buildResponse lists each distinct response change once, with the
// operations it affects.
func (m *markdownModel) buildResponse(r *Report) {
	m.response = section{title: "Response changes", unit: "change"}
	type entry struct {
		c   Change
		ops []Operation
	}
	byKey := make(map[string]*entry)
	var keys []string
	for _, d := range r.Operations {
		for _, c := range d.Response {
			key := changeText(c)
			e, ok := byKey[key]
			if !ok {
				e = &entry{c: c}
				byKey[key] = e
				keys = append(keys, key)
			}
			e.ops = append(e.ops, d.Operation)
		}
	}
	for _, key := range keys {
		e := byKey[key]
		sortOperations(e.ops)
		groups := groupOperations(e.ops)
		var names []string
		for i, g := range groups {
			if i == maxOperationsPerField {
				names = append(names, fmt.Sprintf("… and %d more", len(groups)-i))
				break
			}
			names = append(names, g.text)
		}
		where := " — in " + strings.Join(names, ", ")
		m.tally["response"][e.c.Kind]++
		m.response.count++
		m.response.items = append(m.response.items, item{
			text: key + breakingMark(e.c) + where, breaking: e.c.Breaking, key: e.c.Path + "\x00" + key,
		})
		if e.c.Breaking {
			m.addBreaking("response " + key + where)
		}
	}
	sortItems(m.response.items)
}

// buildSchemas lists the changes of each component schema.
func (m *markdownModel) buildSchemas(r *Report) {
	m.schemas = section{title: "Component schema changes", unit: "change"}
	for _, s := range r.Schemas {
		it := item{text: "`" + s.Name + "`", key: s.Name}
		subs := make([]item, len(s.Changes))
		for j, c := range s.Changes {
			text := changeText(c)
			subs[j] = item{text: text + breakingMark(c), breaking: c.Breaking, key: fmt.Sprintf("%06d", j)}
			m.tally["schema"][c.Kind]++
			m.schemas.count++
			if c.Breaking {
				it.breaking = true
				m.addBreaking("schema " + text)
			}
		}
		sortItems(subs)
		for _, s := range subs {
			it.sub = append(it.sub, s.text)
		}
		m.schemas.items = append(m.schemas.items, it)
	}
	sortItems(m.schemas.items)
}

// writeSummary writes the table of counts.
func (m *markdownModel) writeSummary(b *strings.Builder) {
	b.WriteString("| Operations added | Operations removed | Operations deprecated | Schemas added | Schemas removed |\n")
	b.WriteString("|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(b, "| %d | %d | %d | %d | %d |\n\n",
		m.opsAdded.count, m.opsRemoved.count, m.opsDeprecated.count, m.schemasAdded.count, m.schemasRemoved.count)
	b.WriteString("| Change | Request | Response | Component schemas |\n")
	b.WriteString("|---|---:|---:|---:|\n")
	rows := []struct {
		label string
		kind  Kind
	}{
		{"Parameters / fields added", Added},
		{"Parameters / fields removed", Removed},
		{"Newly required", NowRequired},
		{"Newly optional", NowOptional},
		{"Type changed", Retyped},
		{"Enum values added", EnumValueAdded},
		{"Enum values removed", EnumValueRemoved},
	}
	for _, row := range rows {
		req, resp, sch := m.tally["request"][row.kind], m.tally["response"][row.kind], m.tally["schema"][row.kind]
		if row.kind == NowRequired || row.kind == NowOptional {
			fmt.Fprintf(b, "| %s | %d | – | – |\n", row.label, req)
			continue
		}
		fmt.Fprintf(b, "| %s | %d | %d | %d |\n", row.label, req, resp, sch)
	}
	b.WriteString("\nRequest changes are counted per path and set of methods with the same changes; " +
		"response changes once per distinct field whatever the number of operations returning it.\n\n")
}

func breakingMark(c Change) string {
	if c.Breaking {
		return " — **breaking**"
	}
	return ""
}

// changeText renders one change as a sentence fragment.
func changeText(c Change) string {
	subject := "`" + c.Path + "`"
	switch {
	case c.Path == "" && c.In == InBody:
		subject = "request body"
	case c.Path == "" && c.In == InResponse:
		subject = "response body"
	case c.In == InPath || c.In == InHeader || c.In == InCookie:
		subject = string(c.In) + " parameter " + subject
	}
	switch c.Kind {
	case Added:
		return fmt.Sprintf("added %s (%s)", subject, c.Detail)
	case Removed:
		return fmt.Sprintf("removed %s (%s)", subject, c.Detail)
	case NowRequired:
		return subject + " is now required"
	case NowOptional:
		return subject + " is now optional"
	case Retyped:
		return fmt.Sprintf("%s: type %s", subject, c.Detail)
	case EnumValueAdded:
		return fmt.Sprintf("%s: enum value `%s` added", subject, c.Detail)
	case EnumValueRemoved:
		return fmt.Sprintf("%s: enum value `%s` removed", subject, c.Detail)
	default:
		return fmt.Sprintf("%s: %s %s", subject, c.Kind, c.Detail)
	}
}
