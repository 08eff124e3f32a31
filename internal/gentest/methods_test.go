package gentest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/internal/specsource"
)

const (
	specPath = "../../openapi.json"
	metaPath = "../../openapi.meta.json"
)

// undocumented mirrors the normaliser's scope rule: the extension marks an
// operation (or a whole path item) unless it is an explicit false.
func undocumented(ext map[string]any) bool {
	v, ok := ext["x-undocumented"]
	if !ok {
		return false
	}
	if b, isBool := v.(bool); isBool {
		return b
	}
	return true
}

// goMethodName is the name oapi-codegen gives an operation's method: its
// operationId in CamelCase (ToCamelCase: letters after a separator or at
// the start upper-cased, other characters but digits dropped), prefixed
// with "N" when it would start with a digit.
func goMethodName(operationID string) string {
	var b strings.Builder
	capNext := true
	for _, r := range strings.TrimSpace(operationID) {
		switch {
		case unicode.IsUpper(r), unicode.IsDigit(r):
			b.WriteRune(r)
		case unicode.IsLower(r):
			if capNext {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
		}
		capNext = strings.ContainsRune("-#@!$&=.+:;_~ (){}[]", r)
	}
	name := b.String()
	if name != "" && unicode.IsDigit(rune(name[0])) {
		name = "N" + name
	}
	return name
}

func TestGoMethodName(t *testing.T) {
	for in, want := range map[string]string{
		"accessCodesCreatePost":  "AccessCodesCreatePost",
		"devicesListGet":         "DevicesListGet",
		"access_codes.list-get":  "AccessCodesListGet",
		"2faSetup":               "N2faSetup",
		"seamConsoleV1GetPost":   "SeamConsoleV1GetPost",
		" phonesSimulateCreate ": "PhonesSimulateCreate",
	} {
		assert.Equal(t, want, goMethodName(in), in)
	}
}

// inScope lists, from the committed spec (committedSpec),
// the operationIds that gen must have a method for, and how many
// operations the spec has in all.
func inScope(t *testing.T) (ids []string, all int) {
	t.Helper()
	doc, err := committedSpec()
	require.NoError(t, err)
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for _, op := range item.Operations() {
			all++
			if !gen.IncludesUndocumented && (undocumented(item.Extensions) || undocumented(op.Extensions)) {
				continue
			}
			require.NotEmpty(t, op.OperationID, "an operation of %s has no operationId", path)
			ids = append(ids, op.OperationID)
		}
	}
	sort.Strings(ids)
	return ids, all
}

func TestEveryOperationInScopeHasAMethod(t *testing.T) {
	ids, all := inScope(t)

	want := map[string]string{}
	for _, id := range ids {
		name := goMethodName(id) + "WithResponse"
		prev, dup := want[name]
		require.Falsef(t, dup, "operationIds %q and %q give one method name %s", prev, id, name)
		want[name] = id
	}

	typ := reflect.TypeOf(&gen.ClientWithResponses{})
	got := map[string]bool{}
	for i := 0; i < typ.NumMethod(); i++ {
		if name := typ.Method(i).Name; strings.HasSuffix(name, "WithResponse") {
			got[name] = true
		}
	}
	var missing, extra []string
	for name, id := range want {
		if !got[name] {
			missing = append(missing, name+" ("+id+")")
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			extra = append(extra, name)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	assert.Empty(t, missing, "operations in scope without a method")
	assert.Empty(t, extra, "methods for operations not in scope")
	assert.Equal(t, len(ids), gen.Operations, "gen.Operations")

	// Each method's plain twin on Client exists too.
	client := reflect.TypeOf(&gen.Client{})
	for name := range want {
		_, ok := client.MethodByName(strings.TrimSuffix(name, "WithResponse"))
		assert.True(t, ok, "Client.%s", strings.TrimSuffix(name, "WithResponse"))
	}
	t.Logf("%d operations in the spec, %d in scope (undocumented included: %v), %d generated methods",
		all, len(ids), gen.IncludesUndocumented, len(got))
}

func TestGeneratedFromCommittedSpec(t *testing.T) {
	data, err := os.ReadFile(specPath)
	require.NoError(t, err)
	sum := sha256.Sum256(data)
	assert.Equal(t, hex.EncodeToString(sum[:]), gen.SpecSHA256, "gen.SpecSHA256 against sha256(openapi.json)")

	meta, err := specsource.ReadMeta(metaPath)
	require.NoError(t, err)
	assert.Equal(t, meta.SHA256, gen.SpecSHA256, "gen.SpecSHA256 against openapi.meta.json")
	assert.Equal(t, meta.Source, gen.SpecSource, "gen.SpecSource against openapi.meta.json")

	// The generator recorded is the one go.mod pins.
	mod, err := os.ReadFile("../../go.mod")
	require.NoError(t, err)
	var pinned string
	for _, line := range strings.Split(string(mod), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "github.com/oapi-codegen/oapi-codegen/v2" {
			pinned = f[1]
		}
	}
	require.NotEmpty(t, pinned, "go.mod does not require oapi-codegen")
	assert.Equal(t, "oapi-codegen "+pinned, gen.Generator)
}
