// Command benchratio reads `go test -bench -benchmem` output (files named on
// the command line, or standard input) and prints, for each call of the
// seam benchmarks (BenchmarkCall/call=NAME/impl=IMPL), the median ns/op,
// cpu-ns/op, B/op and allocs/op of every implementation and its ratio to
// impl=raw, the hand-written net/http + encoding/json baseline. Medians are
// taken over the repeated runs (-count, or several runs concatenated); a
// ratio is the median of the ratios within each run when every
// implementation ran as often (see pairedRatio). It marks the ratios
// against the targets of docs/performance.md; with -check it exits with
// status 1 when one is missed.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

// targets are the largest seam/raw ns/op ratio allowed per call.
var targets = map[string]float64{"create": 1.10, "get": 1.10, "list50": 1.20}

// maxAllocRatio bounds seam's allocs/op over the baseline's, for every call.
const maxAllocRatio = 1.5

// benchLine matches one result line; the -N GOMAXPROCS suffix is dropped.
var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// sample is one run's figures.
type sample struct{ ns, cpu, bytes, allocs float64 }

// key names a call and an implementation.
type key struct{ call, impl string }

func main() {
	check := flag.Bool("check", false, "exit 1 when a target is missed")
	flag.Parse()
	var in io.Reader = os.Stdin
	if flag.NArg() > 0 {
		var readers []io.Reader
		for _, name := range flag.Args() {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, "benchratio:", err)
				os.Exit(2)
			}
			defer f.Close()
			readers = append(readers, f)
		}
		in = io.MultiReader(readers...)
	}
	runs, order, err := parse(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchratio:", err)
		os.Exit(2)
	}
	if len(runs) == 0 {
		fmt.Fprintln(os.Stderr, "benchratio: no BenchmarkCall/call=…/impl=… result in the input")
		os.Exit(2)
	}
	if missed := report(os.Stdout, runs, order); missed > 0 && *check {
		os.Exit(1)
	}
}

// parse reads the samples of every call and implementation, and the calls
// in the order they first appear.
func parse(r io.Reader) (map[key][]sample, []string, error) {
	runs := map[key][]sample{}
	var order []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		k, ok := splitName(m[1])
		if !ok {
			continue
		}
		s, err := parseFigures(m[2])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", m[1], err)
		}
		if !slices.Contains(order, k.call) {
			order = append(order, k.call)
		}
		runs[k] = append(runs[k], s)
	}
	return runs, order, sc.Err()
}

// splitName reads "Call/call=NAME/impl=IMPL".
func splitName(name string) (key, bool) {
	var k key
	for _, part := range strings.Split(name, "/") {
		if v, ok := strings.CutPrefix(part, "call="); ok {
			k.call = v
		}
		if v, ok := strings.CutPrefix(part, "impl="); ok {
			k.impl = v
		}
	}
	return k, k.call != "" && k.impl != ""
}

// parseFigures reads "123 ns/op 456 B/op 7 allocs/op".
func parseFigures(s string) (sample, error) {
	var out sample
	f := strings.Fields(s)
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return out, fmt.Errorf("figure %q: %w", f[i], err)
		}
		switch f[i+1] {
		case "ns/op":
			out.ns = v
		case "cpu-ns/op":
			out.cpu = v
		case "B/op":
			out.bytes = v
		case "allocs/op":
			out.allocs = v
		}
	}
	if out.ns == 0 {
		return out, fmt.Errorf("no ns/op in %q", s)
	}
	return out, nil
}

// median returns the median of the field get picks from samples.
func median(samples []sample, get func(sample) float64) float64 {
	v := make([]float64, len(samples))
	for i, s := range samples {
		v[i] = get(s)
	}
	sort.Float64s(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// report prints the table and returns how many targets were missed.
func report(w io.Writer, runs map[key][]sample, order []string) int {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "call\timpl\truns\tns/op\t×raw\tcpu-ns/op\t×raw\tB/op\t×raw\tallocs/op\t×raw\ttarget\t")
	missed := 0
	for _, call := range order {
		raw, hasRaw := runs[key{call, "raw"}]
		var impls []string
		for k := range runs {
			if k.call == call {
				impls = append(impls, k.impl)
			}
		}
		sort.Slice(impls, func(i, j int) bool { return implRank(impls[i]) < implRank(impls[j]) })
		for _, impl := range impls {
			s := runs[key{call, impl}]
			ns, cpu, b, a := median(s, func(x sample) float64 { return x.ns }),
				median(s, func(x sample) float64 { return x.cpu }),
				median(s, func(x sample) float64 { return x.bytes }),
				median(s, func(x sample) float64 { return x.allocs })
			rns, rcpu, rb, ra := "-", "-", "-", "-"
			verdict := ""
			if hasRaw && impl != "raw" {
				nsRatio := pairedRatio(s, raw, func(x sample) float64 { return x.ns })
				allocRatio := pairedRatio(s, raw, func(x sample) float64 { return x.allocs })
				rns = fmt.Sprintf("%.2f", nsRatio)
				rcpu = fmt.Sprintf("%.2f", pairedRatio(s, raw, func(x sample) float64 { return x.cpu }))
				rb = fmt.Sprintf("%.2f", pairedRatio(s, raw, func(x sample) float64 { return x.bytes }))
				ra = fmt.Sprintf("%.2f", allocRatio)
				if impl == "seam" {
					verdict = "allocs ≤1.5: " + okMiss(allocRatio <= maxAllocRatio, &missed)
					if t, ok := targets[call]; ok {
						verdict = fmt.Sprintf("ns ≤%.2f: %s, %s", t, okMiss(nsRatio <= t, &missed), verdict)
					}
				}
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.0f\t%s\t%.0f\t%s\t%.0f\t%s\t%.0f\t%s\t%s\t\n",
				call, impl, len(s), ns, rns, cpu, rcpu, b, rb, a, ra, verdict)
		}
	}
	_ = tw.Flush()
	return missed
}

// pairedRatio compares the field get picks of impl's samples with raw's.
// With as many samples of each, the i-th of each coming from the same run
// (make bench runs -count 1 N times), it is the median of the N ratios of
// one run: on a shared machine, the implementations of one run see about
// the same load, different runs do not. Otherwise it is the ratio of the
// medians.
func pairedRatio(impl, raw []sample, get func(sample) float64) float64 {
	if len(impl) != len(raw) {
		return ratio(median(impl, get), median(raw, get))
	}
	ratios := make([]sample, len(impl))
	for i := range impl {
		ratios[i] = sample{ns: ratio(get(impl[i]), get(raw[i]))}
	}
	return median(ratios, func(x sample) float64 { return x.ns })
}

// ratio is a/b, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// okMiss says "ok" when ok, else counts a miss.
func okMiss(ok bool, missed *int) string {
	if ok {
		return "ok"
	}
	*missed++
	return "MISSED"
}

// implRank orders the implementations from the wrapper down to the floor;
// others (a generated service method, say) come first.
func implRank(impl string) int {
	switch impl {
	case "seam":
		return 1
	case "api":
		return 2
	case "gen":
		return 3
	case "raw":
		return 4
	}
	return 0
}
