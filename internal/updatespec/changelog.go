package updatespec

import (
	"fmt"
	"strings"

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

// Verdict combines the verdict of the spec changes with the change of the
// generated types: a removed type is breaking.
func Verdict(spec *specdiff.Report, types TypeDiff) string {
	switch {
	case spec.Breaking() || types.Breaking():
		return VerdictBreaking
	case spec.Empty() && types.Empty():
		return VerdictNoChange
	default:
		return VerdictNotBreaking
	}
}

// changelog is what the Markdown changelog is made from.
type changelog struct {
	old, new specsource.Meta
	spec     *specdiff.Report
	types    TypeDiff
	// maxItems is the number of entries shown per list; below 1, all.
	maxItems int
}

// markdown renders the changelog.
func (c changelog) markdown() string {
	var b strings.Builder
	verdict := Verdict(c.spec, c.types)
	b.WriteString("# Seam OpenAPI spec update\n\n")
	fmt.Fprintf(&b, "**Verdict: %s**\n\n", verdict)
	if verdict == VerdictNoChange {
		b.WriteString("The spec file changed, but not the documented API in scope nor the generated types.\n\n")
	}
	b.WriteString("| | Before | After |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| Source | %s | %s |\n", code(c.old.Source), code(c.new.Source))
	fmt.Fprintf(&b, "| SHA-256 | %s | %s |\n", code(c.old.SHA256), code(c.new.SHA256))
	fmt.Fprintf(&b, "| Exported types in `gen/seam.gen.go` | %d | %d |\n\n", c.types.Before, c.types.After)

	b.WriteString("## Spec changes\n\n")
	b.WriteString(specVerdictLine(c.spec.MarkdownLimit(c.maxItems)))
	if !strings.HasSuffix(b.String(), "\n") {
		b.WriteString("\n")
	}

	b.WriteString("\n## Generated Go types\n\n")
	if c.types.Empty() {
		b.WriteString("No exported type of `gen/seam.gen.go` was added or removed.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "Exported types in `gen/seam.gen.go`: %d → %d.\n", c.types.Before, c.types.After)
	if len(c.types.Removed) > 0 {
		fmt.Fprintf(&b, "\n### Types removed (%s) — breaking\n\n", plural(len(c.types.Removed), "type"))
		b.WriteString("Code that names a removed type no longer compiles; a renamed type shows as removed and added.\n\n")
		writeList(&b, c.types.Removed, c.maxItems)
	}
	if len(c.types.Added) > 0 {
		fmt.Fprintf(&b, "\n### Types added (%s)\n\n", plural(len(c.types.Added), "type"))
		writeList(&b, c.types.Added, c.maxItems)
	}
	return b.String()
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

// writeList writes names as a bullet list of at most maxItems entries.
func writeList(b *strings.Builder, names []string, maxItems int) {
	shown := names
	if maxItems > 0 && len(names) > maxItems {
		shown = names[:maxItems]
	}
	for _, n := range shown {
		fmt.Fprintf(b, "- %s\n", code(n))
	}
	if rest := len(names) - len(shown); rest > 0 {
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
