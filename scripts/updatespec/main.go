// Command updatespec updates openapi.json and gen/ to the newest Seam OpenAPI
// spec and prints a changelog of the change with its verdict (see
// internal/updatespec). "make update-spec" runs it through scripts/update-spec.
//
// Usage:
//
//	updatespec [-root DIR] [-changelog FILE] [-no-test] [-undocumented] [-max N] [-timeout D] [SOURCE]
//
// SOURCE is an http(s) URL, file:PATH or npm:@seamapi/types@VERSION (for
// example npm:@seamapi/types@latest, which needs only the npm registry), or
// a bare version of @seamapi/types ("1.978.0", "latest"); it defaults to
// $SEAM_OPENAPI_SOURCE, else https://connect.getseam.com/openapi.json.
// Flags may also be spelled with two dashes (--no-test).
//
// The changelog goes to stdout and to the -changelog file (default
// .build/update-spec/CHANGELOG-spec.md); progress goes to stderr. When
// $GITHUB_OUTPUT is set, the step outputs changed=true|false,
// breaking=true|false, verdict, source, sha256, changelog, pr_body and title
// are appended to it. Exit status: 0 on success (including "No change."),
// 1 on error (pull, generation, build or tests), 2 on bad usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"

	"github.com/seamgo/seam-go/internal/normalize"
	"github.com/seamgo/seam-go/internal/reporoot"
	"github.com/seamgo/seam-go/internal/specsource"
	"github.com/seamgo/seam-go/internal/updatespec"
)

func main() {
	opts, err := parseArgs(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "update-spec:", err)
		os.Exit(2)
	}
	opts.Log = os.Stderr

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	res, err := updatespec.Run(ctx, opts)
	stop()
	if res != nil {
		fmt.Print(res.Changelog)
		if out := os.Getenv("GITHUB_OUTPUT"); out != "" {
			if werr := updatespec.WriteGitHubOutput(out, res); werr != nil {
				err = errors.Join(err, werr)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "update-spec:", err)
		os.Exit(1)
	}
}

// parseArgs reads the flags and the optional SOURCE argument, which may come
// before or after the flags.
func parseArgs(args []string) (updatespec.Options, error) {
	var opts updatespec.Options
	fs := flag.NewFlagSet("update-spec", flag.ContinueOnError)
	fs.StringVar(&opts.Root, "root", "", "module root (default: the directory holding go.mod above the working directory)")
	fs.StringVar(&opts.Changelog, "changelog", "", "write the changelog to this file (default "+updatespec.DefaultWorkDir+"/"+updatespec.ChangelogName+")")
	fs.BoolVar(&opts.NoTest, "no-test", false, "skip go test ./... after regenerating (go build ./... still runs)")
	fs.BoolVar(&opts.IncludeUndocumented, "undocumented", normalize.IncludeUndocumentedFromEnv(), "also generate and compare x-undocumented operations")
	fs.IntVar(&opts.MaxItems, "max", 0, "changelog entries per list (0: the default, negative: all)")
	fs.DurationVar(&opts.PullTimeout, "timeout", specsource.DefaultTimeout, "time limit for each pull of the spec")

	var sources []string
	rest := args
	for range len(args) + 1 {
		if err := fs.Parse(rest); err != nil {
			return opts, err
		}
		if fs.NArg() == 0 {
			break
		}
		sources = append(sources, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	switch len(sources) {
	case 0:
		opts.Source = os.Getenv(specsource.EnvVar)
	case 1:
		opts.Source = expandSource(sources[0])
	default:
		return opts, fmt.Errorf("one SOURCE at most, got %q", sources)
	}
	if opts.Root == "" {
		root, err := reporoot.FromWorkingDir()
		if err != nil {
			return opts, fmt.Errorf("%w; pass -root", err)
		}
		opts.Root = root
	}
	return opts, nil
}

// bareVersion matches a version of @seamapi/types given alone, or "latest".
var bareVersion = regexp.MustCompile(`^(latest|[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$`)

// expandSource turns a bare version ("1.978.0", "latest") into the npm
// source of @seamapi/types; other sources are returned as they are.
func expandSource(source string) string {
	if bareVersion.MatchString(source) {
		return "npm:@seamapi/types@" + source
	}
	return source
}
