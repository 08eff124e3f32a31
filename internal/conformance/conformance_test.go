package conformance

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/seamgo/seam-go/internal/normalize"
	"github.com/seamgo/seam-go/internal/reporoot"
	"github.com/seamgo/seam-go/internal/servicegen"
	"github.com/seamgo/seam-go/seam"
)

// apiKey is the key both SDKs send (the recording server accepts any).
const apiKey = "seam_apikey1_token"

// waitForActionAttempts is the setting of both SDKs: they wait for action
// attempts (their default), and the recording server answers every action
// attempt as succeeded, so neither polls.
const waitForActionAttempts = true

// operationHeader marks each JS SDK request with the path it was made for.
const operationHeader = "Seam-Conformance-Operation"

// jsScript and jsPackage are relative to the repository root.
const (
	jsScript  = "internal/seamfake/npm/conformance.mjs"
	jsPackage = "internal/seamfake/npm/node_modules/@seamapi/http/package.json"
)

// TestSameAsJavaScriptSDK calls every documented operation with the same
// input through seam and through the official JavaScript SDK
// (@seamapi/http, pinned in internal/seamfake/npm), against one recording loopback
// server, and compares the requests (method, path, query, body) and the
// values returned (under x-response-key, as JSON after normalisation). It
// fails on any difference not in knownDifferences (docs/conformance.md).
func TestSameAsJavaScriptSDK(t *testing.T) {
	root, err := reporoot.FromWorkingDir()
	if err != nil {
		t.Fatal(err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("conformance: node (Node.js 20+) is not in PATH: install Node.js 20+, then run make fake-install")
	}
	if _, err := os.Stat(filepath.Join(root, jsPackage)); err != nil {
		t.Fatalf("conformance: the JavaScript SDK @seamapi/http is not installed in internal/seamfake/npm/node_modules: run make fake-install (needs the npm registry once)")
	}

	raw, err := os.ReadFile(filepath.Join(root, "openapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s spec
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	ops := plannedOperations(t, raw)
	documented := countDocumented(s, ops)

	srv := newServer(t)
	client, err := seam.New(seam.WithAPIKey(apiKey), seam.WithEndpoint(srv.URL()),
		seam.WithMaxRetries(0), seam.WithWaitForActionAttempts(waitForActionAttempts))
	if err != nil {
		t.Fatal(err)
	}

	// The Go side, one operation after the other.
	type jsOperation struct {
		Path  string         `json:"path"`
		Input map[string]any `json:"input"`
	}
	results := make([]*outcome, len(ops))
	var jsOps []jsOperation
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	for i, o := range ops {
		r := &outcome{op: o}
		results[i] = r
		generated, err := s.operationInput(o.Path, o.Method)
		if err != nil {
			r.problems = append(r.problems, "input: "+err.Error())
			continue
		}
		call, err := planGoCall(client, o, generated)
		if err != nil {
			r.problems = append(r.problems, "seam: "+err.Error())
			continue
		}
		if call.note != "" {
			t.Log(call.note)
		}
		r.input = call.input
		before := len(srv.Requests())
		v, err := call.call(ctx)
		r.goReqs = srv.Requests()[before:]
		if err != nil {
			r.goErr = err.Error()
		} else {
			r.goValue, r.goHasValue = jsonValue(pageItems(v))
		}
		jsOps = append(jsOps, jsOperation{Path: o.Path, Input: call.input})
	}

	// The JS side: one node process for every operation.
	dir := t.TempDir()
	plan, err := json.Marshal(map[string]any{
		"endpoint": srv.URL(), "api_key": apiKey,
		"wait_for_action_attempt": waitForActionAttempts, "operations": jsOps,
	})
	if err != nil {
		t.Fatal(err)
	}
	planFile, resultsFile := filepath.Join(dir, "operations.json"), filepath.Join(dir, "results.jsonl")
	if err := os.WriteFile(planFile, plan, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, node, filepath.Join(root, jsScript), planFile, resultsFile)
	cmd.Dir = filepath.Join(root, filepath.Dir(jsScript))
	cmd.Env = append(os.Environ(), "SEAM_API_KEY=", "SEAM_ENDPOINT=", "SEAM_API_URL=", "SEAM_PERSONAL_ACCESS_TOKEN=", "SEAM_WORKSPACE_ID=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("conformance: node %s: %v\n%s", jsScript, err, stderr.String())
	}
	jsResults, err := readJSResults(resultsFile)
	if err != nil {
		t.Fatal(err)
	}
	jsReqs := map[string][]request{}
	strict := 0
	for _, req := range srv.Requests() {
		if p := req.Header.Get(operationHeader); p != "" {
			if setAsideStrict(&req) {
				strict++
			}
			jsReqs[p] = append(jsReqs[p], req)
		}
	}

	// Compare.
	counts := map[string]int{}
	hit := map[string]bool{}
	var unexplained []string
	for _, r := range results {
		js, ok := jsResults[r.op.Path]
		if !ok && len(r.problems) == 0 {
			r.problems = append(r.problems, "the JS script wrote no result")
		}
		r.jsReqs = jsReqs[r.op.Path]
		r.js = js
		verdict := r.compare(s)
		if verdict != verdictSame && verdict != verdictMethodOnly {
			if _, known := knownDifferences[r.op.Path]; known {
				hit[r.op.Path] = true
				verdict = verdictKnown
			} else {
				unexplained = append(unexplained, r.report())
			}
		}
		counts[verdict]++
	}
	for path := range knownDifferences {
		if !hit[path] {
			unexplained = append(unexplained, fmt.Sprintf("%s: listed in knownDifferences, but both SDKs now agree: delete it there and in docs/conformance.md", path))
		}
	}
	checkDocumented(t, root)

	sort.Strings(unexplained)
	summary := fmt.Sprintf("conformance: %d paths (%d documented operations): %d same request and result, %d method only (both documented), %d known differences (docs/conformance.md), %d unexplained; the JS SDK's _strict=true (not in the spec) set aside on %d GET queries",
		len(ops), documented, counts[verdictSame], counts[verdictMethodOnly], counts[verdictKnown], len(unexplained), strict)
	fmt.Println(summary)
	if testing.Verbose() || os.Getenv("SEAM_CONFORMANCE_REPORT") != "" {
		for _, r := range results {
			if len(r.differences) > 0 {
				t.Logf("%s", r.report())
			}
		}
	}
	if len(unexplained) > 0 {
		t.Errorf("%d unexplained differences from the JS SDK (add a reason to knownDifferences and docs/conformance.md only if intentional):\n%s",
			len(unexplained), strings.Join(unexplained, "\n"))
	}
}

// setAsideStrict removes the query parameter _strict=true, which the JS SDK
// adds to every query string it sends (lib/url-search-params-serializer.js
// of @seamapi/http) and which the spec does not have; it reports whether
// there was one. Any other value of _strict stays, and is a difference.
func setAsideStrict(r *request) bool {
	if vs, ok := r.Query["_strict"]; ok && len(vs) == 1 && vs[0] == "true" {
		q := url.Values{}
		for k, v := range r.Query {
			if k != "_strict" {
				q[k] = v
			}
		}
		r.Query = q
		return true
	}
	return false
}

// Verdicts of one path.
const (
	verdictSame       = "same"
	verdictMethodOnly = "method only"
	verdictKnown      = "known"
	verdictDifferent  = "different"
)

// outcome is what both SDKs did for one operation.
type outcome struct {
	op         servicegen.Operation
	input      map[string]any
	goReqs     []request
	goValue    any
	goHasValue bool
	goErr      string
	jsReqs     []request
	js         jsResult

	problems    []string // the call could not be made as planned
	differences []string
}

// jsResult is one line of the JS script's output.
type jsResult struct {
	Path      string          `json:"path"`
	Value     json.RawMessage `json:"value"`
	Error     string          `json:"error"`
	ErrorName string          `json:"error_name"`
}

func readJSResults(file string) (map[string]jsResult, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]jsResult{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var r jsResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("conformance: JS result line: %w", err)
		}
		out[r.Path] = r
	}
	return out, sc.Err()
}

// compare fills r.differences and returns the verdict.
func (r *outcome) compare(s spec) string {
	r.differences = append(r.differences, r.problems...)
	if len(r.problems) > 0 {
		return verdictDifferent
	}
	methodOnly := false
	if len(r.goReqs) == 0 && len(r.jsReqs) == 0 {
		r.differences = append(r.differences, "requests: neither SDK sent any (nothing compared)")
	} else if len(r.goReqs) != len(r.jsReqs) {
		r.differences = append(r.differences, fmt.Sprintf("requests: seam sent %s, the JS SDK %s", describe(r.goReqs), describe(r.jsReqs)))
	} else {
		for i := range r.goReqs {
			same, onlyMethod, diff := compareRequests(s, r.goReqs[i], r.jsReqs[i])
			if !same {
				if onlyMethod {
					methodOnly = true
				} else {
					r.differences = append(r.differences, diff)
				}
			}
		}
	}
	switch {
	case r.goErr != "" || r.js.Error != "":
		if r.goErr != r.js.Error {
			r.differences = append(r.differences, fmt.Sprintf("result: seam error %q, JS SDK error %q (%s)", r.goErr, r.js.Error, r.js.ErrorName))
		}
	default:
		var jsValue any
		jsHas := len(r.js.Value) > 0
		if jsHas {
			if err := json.Unmarshal(r.js.Value, &jsValue); err != nil {
				r.differences = append(r.differences, "result: JS value: "+err.Error())
			}
		}
		if jsHas != r.goHasValue {
			r.differences = append(r.differences, fmt.Sprintf("result: seam returns a value: %v, the JS SDK: %v", r.goHasValue, jsHas))
		} else if d := diffJSON("", normalizeValue(r.goValue), normalizeValue(jsValue)); len(d) > 0 {
			if len(d) > 5 {
				d = append(d[:5], fmt.Sprintf("… and %d more", len(d)-5))
			}
			r.differences = append(r.differences, "result: "+strings.Join(d, "; "))
		}
	}
	switch {
	case len(r.differences) > 0:
		return verdictDifferent
	case methodOnly:
		r.differences = append(r.differences, fmt.Sprintf("method only: seam %s, JS SDK %s (both documented)", describe(r.goReqs), describe(r.jsReqs)))
		return verdictMethodOnly
	}
	return verdictSame
}

func (r *outcome) report() string {
	return fmt.Sprintf("%s (%s): %s", r.op.Path, r.op.Qualified(), strings.Join(r.differences, " | "))
}

func describe(reqs []request) string {
	if len(reqs) == 0 {
		return "nothing"
	}
	var parts []string
	for _, r := range reqs {
		parts = append(parts, r.Method+" "+r.Path)
	}
	return strings.Join(parts, ", ")
}

// compareRequests compares two requests (the Authorization header, path,
// method and parameters): same, or differing only in the method (both documented for the path, the parameters the same once the
// body is read as a query), or a description of the difference.
func compareRequests(s spec, g, j request) (same, methodOnly bool, diff string) {
	if g.Path != j.Path {
		return false, false, fmt.Sprintf("path: seam %s, JS SDK %s", g.Path, j.Path)
	}
	if a, b := g.Header.Get("Authorization"), j.Header.Get("Authorization"); a != b {
		return false, false, fmt.Sprintf("Authorization: seam %q, JS SDK %q", redact(a), redact(b))
	}
	gp, jp := params(g), params(j)
	if g.Method == j.Method {
		if d := diffJSON("", normalizeValue(gp), normalizeValue(jp)); len(d) > 0 {
			return false, false, fmt.Sprintf("%s %s parameters: %s", g.Method, g.Path, strings.Join(d, "; "))
		}
		return true, false, ""
	}
	documented := s.methods(g.Path)
	both := contains(documented, g.Method) && contains(documented, j.Method)
	d := diffJSON("", normalizeValue(asQuery(gp)), normalizeValue(asQuery(jp)))
	for _, r := range []request{g, j} {
		for _, k := range undocumentedQuery(s, r) {
			d = append(d, fmt.Sprintf("query parameter %s is not documented for %s %s", k, r.Method, r.Path))
		}
	}
	if both && len(d) == 0 {
		return false, true, ""
	}
	return false, false, fmt.Sprintf("method: seam %s, JS SDK %s (documented: %v); parameters: %s", g.Method, j.Method, documented, strings.Join(d, "; "))
}

// undocumentedQuery lists the query parameters of r that the spec does not
// document for its method and path, sorted.
func undocumentedQuery(s spec, r request) []string {
	op := asMap(asMap(asMap(s["paths"])[r.Path])[strings.ToLower(r.Method)])
	known := map[string]bool{}
	for _, p := range asSlice(op["parameters"]) {
		param := s.resolve(asMap(p))
		if param["in"] == "query" {
			known[str(param["name"])] = true
		}
	}
	var out []string
	for k := range r.Query {
		if !known[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// redact keeps the scheme and the token's kind (seam_apikey…) only.
func redact(auth string) string {
	if len(auth) > 18 {
		return auth[:18] + "…"
	}
	return auth
}

// params are the parameters of a request as JSON: the query of a GET or
// DELETE without a body (one value → a string, several → an array), else
// the body.
func params(r request) any {
	if r.Body != nil {
		if len(r.Query) > 0 {
			return map[string]any{"<query>": queryJSON(r.Query), "<body>": r.Body}
		}
		return r.Body
	}
	return queryJSON(r.Query)
}

func queryJSON(q url.Values) map[string]any {
	out := map[string]any{}
	for k, vs := range q {
		if len(vs) == 1 {
			out[k] = vs[0]
			continue
		}
		arr := make([]any, len(vs))
		for i, v := range vs {
			arr[i] = v
		}
		out[k] = arr
	}
	return out
}

// asQuery renders parameters as a query string would carry them: scalars
// as strings, arrays of one scalar as that scalar.
func asQuery(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			out[k] = asQuery(e)
		}
		return out
	case []any:
		if len(v) == 1 {
			return asQuery(v[0])
		}
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = asQuery(e)
		}
		return out
	case nil:
		return nil
	case string:
		return v
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

// jsonValue turns a Go value into generic JSON, as encoding/json writes it.
func jsonValue(v any) (any, bool) {
	if v == nil {
		return nil, false
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil, false
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "<unmarshalable: " + err.Error() + ">", true
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return "<" + err.Error() + ">", true
	}
	return out, true
}

// normalizeValue makes two JSON values comparable: null members dropped,
// date-times in one form (UTC, RFC 3339, no trailing zero fraction).
func normalizeValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range v {
			if e == nil {
				continue
			}
			out[k] = normalizeValue(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalizeValue(e)
		}
		return out
	case string:
		if len(v) >= 20 && v[4] == '-' && v[10] == 'T' {
			if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
				return t.UTC().Format(time.RFC3339Nano)
			}
		}
		return v
	}
	return v
}

// diffJSON lists where two normalised JSON values differ.
func diffJSON(at string, a, b any) []string {
	if reflect.DeepEqual(a, b) {
		return nil
	}
	name := at
	if name == "" {
		name = "(top)"
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		var out []string
		for _, k := range sorted {
			av, ain := am[k]
			bv, bin := bm[k]
			switch {
			case !ain:
				out = append(out, fmt.Sprintf("%s.%s: only the JS SDK has it (%s)", at, k, short(bv)))
			case !bin:
				out = append(out, fmt.Sprintf("%s.%s: only seam has it (%s)", at, k, short(av)))
			default:
				out = append(out, diffJSON(at+"."+k, av, bv)...)
			}
		}
		return out
	}
	aa, aok := a.([]any)
	ba, bok := b.([]any)
	if aok && bok && len(aa) == len(ba) {
		var out []string
		for i := range aa {
			out = append(out, diffJSON(fmt.Sprintf("%s[%d]", at, i), aa[i], ba[i])...)
		}
		return out
	}
	return []string{fmt.Sprintf("%s: seam %s, JS SDK %s", name, short(a), short(b))}
}

func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 80 {
		return string(b[:77]) + "…"
	}
	return string(b)
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// plannedOperations normalises the spec as the pipeline does and plans the
// service layer: one operation per documented path.
func plannedOperations(t *testing.T, raw []byte) []servicegen.Operation {
	t.Helper()
	normalized, _, err := normalize.Normalize(context.Background(), raw, normalize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(normalized)
	if err != nil {
		t.Fatal(err)
	}
	ops, err := servicegen.Plan(doc)
	if err != nil {
		t.Fatal(err)
	}
	return ops
}

// countDocumented counts the documented operations (path and method) of
// the planned paths.
func countDocumented(s spec, ops []servicegen.Operation) int {
	n := 0
	for _, o := range ops {
		for _, m := range s.methods(o.Path) {
			op := asMap(asMap(asMap(s["paths"])[o.Path])[strings.ToLower(m)])
			if op["x-undocumented"] == nil {
				n++
			}
		}
	}
	return n
}

// checkDocumented fails unless docs/conformance.md and the README list every
// known difference.
func checkDocumented(t *testing.T, root string) {
	t.Helper()
	for _, file := range []string{"docs/conformance.md", "README.md"} {
		data, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Errorf("conformance: %v", err)
			continue
		}
		text := string(data)
		if !strings.Contains(text, "emaining intentional differences from the JS SDK") {
			t.Errorf("conformance: %s has no section \"Remaining intentional differences from the JS SDK\"", file)
		}
		if file != "docs/conformance.md" {
			continue
		}
		for path := range knownDifferences {
			if !strings.Contains(text, "`"+path+"`") {
				t.Errorf("conformance: known difference %s is not listed in %s", path, file)
			}
		}
	}
}
