package updatespec

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/seamgo/seam-go/internal/specdiff"
	"github.com/seamgo/seam-go/internal/specsource"
)

// Verdicts, as in specdiff.
const (
	VerdictBreaking    = specdiff.VerdictBreaking
	VerdictNotBreaking = specdiff.VerdictNotBreaking
	VerdictNoChange    = specdiff.VerdictNoChange
)

// NoChange is the whole changelog when the pulled spec is the committed one.
const NoChange = "No change.\n"

// MaxPRBodyBytes bounds the pull-request body written next to the changelog:
// GitHub refuses bodies over 65,536 characters.
const MaxPRBodyBytes = 60000

// Verdict is breaking when oasdiff finds a breaking change in the
// normalised spec, or when apidiff finds an incompatible change in the Go
// API or the new tree does not type-check (goAPI.Breaking); no change when
// neither the spec in scope nor the Go API changed.
func Verdict(spec *specdiff.Report, goAPI GoAPIDiff) string {
	switch {
	case spec.Breaking() || goAPI.Breaking():
		return VerdictBreaking
	case spec.Empty() && goAPI.Empty():
		return VerdictNoChange
	default:
		return VerdictNotBreaking
	}
}

// changelog is what the Markdown changelog is made from.
type changelog struct {
	old, new specsource.Meta
	spec     *specdiff.Report
	goAPI    GoAPIDiff
	// checkFailure is the failed go build or go test, if any.
	checkFailure string
	// maxItems is the number of entries shown per list; below 1, all.
	maxItems int
}

// markdown renders the changelog.
func (c changelog) markdown() string {
	var b strings.Builder
	verdict := Verdict(c.spec, c.goAPI)
	if c.checkFailure != "" {
		verdict = VerdictBreaking
	}
	b.WriteString("# Seam OpenAPI spec update\n\n")
	fmt.Fprintf(&b, "**Verdict: %s**\n\n", verdict)
	switch verdict {
	case VerdictNoChange:
		b.WriteString("The spec file changed, but neither the spec in scope (normalised) nor the Go API of `gen` and `seam`.\n\n")
	case VerdictBreaking:
		b.WriteString("Breaking because:\n")
		if c.spec.Breaking() {
			fmt.Fprintf(&b, "- oasdiff finds %s in the normalised spec;\n", plural(c.spec.Count(specdiff.Breaking), "breaking change"))
		}
		if n := c.goAPI.IncompatibleCount(); n > 0 {
			fmt.Fprintf(&b, "- apidiff finds %s in the Go API;\n", plural(n, "incompatible change"))
		}
		if c.goAPI.NewTypeErrors != nil {
			b.WriteString("- the regenerated code does not type-check;\n")
		}
		if c.checkFailure != "" {
			b.WriteString("- the module does not build or pass its tests with the new spec (below);\n")
		}
		b.WriteString("\nA breaking change bumps the minor version while the module is 0.x, the major version from 1.0 on (see CHANGELOG.md).\n\n")
	}
	if c.checkFailure != "" {
		b.WriteString("## The build or the tests fail with the new spec\n\n")
		b.WriteString("`seam/` (hand-written) needs changes before this can merge; this pull request is a draft until then.\n\n")
		b.WriteString("```\n" + strings.ReplaceAll(c.checkFailure, "```", "` ` `") + "\n```\n\n")
	}
	b.WriteString("| | Before | After |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| Source | %s | %s |\n", code(c.old.Source), code(c.new.Source))
	fmt.Fprintf(&b, "| SHA-256 | %s | %s |\n\n", code(c.old.SHA256), code(c.new.SHA256))

	b.WriteString("## Go API (apidiff: ")
	for i, p := range APIPackages {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(code(p))
	}
	b.WriteString(")\n\n")
	c.writeGoAPI(&b)

	b.WriteString("\n## Spec changes (oasdiff)\n\n")
	b.WriteString(specVerdictLine(c.spec.Markdown(c.maxItems)))
	if !strings.HasSuffix(b.String(), "\n") {
		b.WriteString("\n")
	}
	return b.String()
}

// writeGoAPI writes the Go API section: the type errors of the new tree,
// then per package the incompatible changes grouped by kind, then the
// compatible ones.
func (c changelog) writeGoAPI(b *strings.Builder) {
	for _, e := range []*TypeCheckError{c.goAPI.NewTypeErrors, c.goAPI.OldTypeErrors} {
		if e == nil {
			continue
		}
		fmt.Fprintf(b, "**The %s tree does not type-check**; the comparison below covers what did:\n\n```\n", e.Tree)
		b.WriteString(strings.TrimSpace(strings.Join(e.Errors, "\n")))
		b.WriteString("\n```\n\n")
	}
	if c.goAPI.Empty() {
		b.WriteString("No exported name of these packages changed.\n")
		return
	}
	fmt.Fprintf(b, "%s, %s.\n", plural(c.goAPI.IncompatibleCount(), "incompatible change"), plural(c.goAPI.CompatibleCount(), "compatible change"))
	for _, p := range c.goAPI.Packages {
		if len(p.Incompatible) > 0 {
			fmt.Fprintf(b, "\n### `%s`: incompatible changes (%d)\n", p.Package, len(p.Incompatible))
			b.WriteString("\nCode using these names may no longer compile.\n")
			for _, kind := range kindOrder {
				var items []string
				for _, ch := range p.Incompatible {
					if ch.Kind == kind {
						items = append(items, goChangeLine(ch))
					}
				}
				if len(items) == 0 {
					continue
				}
				fmt.Fprintf(b, "\n#### %s (%d)\n\n", kind, len(items))
				writeLines(b, items, c.maxItems)
			}
		}
		if len(p.Compatible) > 0 {
			fmt.Fprintf(b, "\n### `%s`: compatible changes (%d)\n\n", p.Package, len(p.Compatible))
			items := make([]string, 0, len(p.Compatible))
			for _, ch := range p.Compatible {
				items = append(items, goChangeLine(ch))
			}
			writeLines(b, items, c.maxItems)
		}
	}
}

// maxGoMessage bounds one apidiff message in the changelog: a changed
// inline struct is spelled out whole.
const maxGoMessage = 240

// goChangeLine formats one apidiff change for a list.
func goChangeLine(ch GoChange) string {
	msg := ch.Message
	if len(msg) > maxGoMessage {
		cut := maxGoMessage
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	if ch.Object == "" {
		return msg
	}
	return code(ch.Object) + ": " + msg
}

// specVerdictLine turns specdiff's leading "**Verdict: …**" into
// "**Spec verdict: …**", so that it does not read as the overall verdict.
func specVerdictLine(md string) string {
	const prefix = "**Verdict: "
	if strings.HasPrefix(md, prefix) {
		return "**Spec verdict: " + strings.TrimPrefix(md, prefix)
	}
	return md
}

// writeLines writes items as a bullet list of at most maxItems entries.
func writeLines(b *strings.Builder, items []string, maxItems int) {
	shown := items
	if maxItems > 0 && len(items) > maxItems {
		shown = items[:maxItems]
	}
	for _, it := range shown {
		fmt.Fprintf(b, "- %s\n", it)
	}
	if rest := len(items) - len(shown); rest > 0 {
		fmt.Fprintf(b, "- … and %d more\n", rest)
	}
}

// code formats s as inline code, or "–" when it is empty.
func code(s string) string {
	if s == "" {
		return "–"
	}
	return "`" + s + "`"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// prBodyLimits are the list lengths tried, in turn, to make the changelog
// fit a pull-request body before cutting it.
var prBodyLimits = []int{20, 10, 5, 3, 1}

// prBody returns the changelog rendered to fit in maxBytes: with c.maxItems
// entries per list when it fits, else with fewer (prBodyLimits), else cut.
func (c changelog) prBody(maxBytes int) string {
	md := c.markdown()
	for _, n := range prBodyLimits {
		if len(md) <= maxBytes {
			return md
		}
		if c.maxItems > 0 && c.maxItems <= n {
			continue
		}
		c.maxItems = n
		md = c.markdown()
	}
	return cut(md, maxBytes)
}

// cut returns md cut at a line boundary to at most maxBytes bytes, with a
// note saying where the full changelog is when it had to be cut.
func cut(md string, maxBytes int) string {
	if len(md) <= maxBytes {
		return md
	}
	const note = "\n\n… truncated to fit a pull-request body: the full changelog is in the workflow run's artifacts, or run `make update-spec` locally.\n"
	kept := md[:max(0, maxBytes-len(note))]
	if i := strings.LastIndexByte(kept, '\n'); i >= 0 {
		kept = kept[:i]
	}
	return kept + note
}
