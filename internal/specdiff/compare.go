package specdiff

import (
	"context"
	"fmt"
	"sort"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oasdiff/oasdiff/checker"
	"github.com/oasdiff/oasdiff/diff"
	"github.com/oasdiff/oasdiff/load"

	"github.com/seamgo/seam-go/internal/normalize"
)

// Options tunes Compare.
type Options struct {
	// IncludeUndocumented keeps the operations marked x-undocumented in
	// scope, as SEAM_INCLUDE_UNDOCUMENTED=true does for generation. By
	// default they are left out of both specs before comparing.
	IncludeUndocumented bool
}

// emptySpec stands for a missing old spec.
const emptySpec = `{"openapi":"3.0.0","info":{"title":"none","version":"0"},"paths":{}}`

// Compare normalises the raw specs oldSpec and newSpec (JSON) as the
// generation pipeline does and compares the results with oasdiff. A nil
// oldSpec counts as a spec without operations.
func Compare(ctx context.Context, oldSpec, newSpec []byte, opts Options) (*Report, error) {
	newNormalized, err := normalizeSpec(ctx, newSpec, "new", opts)
	if err != nil {
		return nil, err
	}
	return CompareToNormalized(ctx, oldSpec, newNormalized, opts)
}

// CompareToNormalized is Compare for a new spec that is already normalised
// with the same options (as pipeline.Run returns it in Result.Normalized):
// only oldSpec is normalised.
func CompareToNormalized(ctx context.Context, oldSpec, newNormalized []byte, opts Options) (*Report, error) {
	if oldSpec == nil {
		oldSpec = []byte(emptySpec)
	}
	oldNormalized, err := normalizeSpec(ctx, oldSpec, "old", opts)
	if err != nil {
		return nil, err
	}
	base, err := loadSpec(ctx, oldNormalized, "old")
	if err != nil {
		return nil, err
	}
	revision, err := loadSpec(ctx, newNormalized, "new")
	if err != nil {
		return nil, err
	}
	d, sources, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), base, revision)
	if err != nil {
		return nil, fmt.Errorf("oasdiff: %w", err)
	}
	r := &Report{IncludeUndocumented: opts.IncludeUndocumented}
	if d.Empty() {
		return r, nil
	}
	changes := checker.CheckBackwardCompatibilityUntilLevel(checker.NewConfig(checker.GetAllChecks()), d, sources, checker.INFO)
	l := checker.NewDefaultLocalizer()
	for _, c := range changes {
		r.Changes = append(r.Changes, Change{
			Level:  levelOf(c.GetLevel()),
			ID:     c.GetId(),
			Method: c.GetOperation(),
			Path:   c.GetPath(),
			Text:   c.GetUncolorizedText(l),
		})
	}
	sort.SliceStable(r.Changes, func(i, j int) bool { return r.Changes[i].less(r.Changes[j]) })
	return r, nil
}

// normalizeSpec normalises a raw spec as the generation pipeline does.
func normalizeSpec(ctx context.Context, raw []byte, name string, opts Options) ([]byte, error) {
	data, _, err := normalize.Normalize(ctx, raw, normalize.Options{IncludeUndocumented: opts.IncludeUndocumented})
	if err != nil {
		return nil, fmt.Errorf("normalise the %s spec: %w", name, err)
	}
	return data, nil
}

// loadSpec loads a normalised spec for oasdiff.
func loadSpec(ctx context.Context, data []byte, name string) (*load.SpecInfo, error) {
	// A fresh loader per spec: oasdiff's loader caches documents by name.
	loader := openapi3.NewLoader()
	loader.Context = ctx
	loader.IsExternalRefsAllowed = false
	info, err := load.NewSpecInfoFromData(loader, data, name+".json")
	if err != nil {
		return nil, fmt.Errorf("load the normalised %s spec: %w", name, err)
	}
	return info, nil
}

// levelOf maps oasdiff's levels to ours.
func levelOf(l checker.Level) Level {
	switch l {
	case checker.ERR:
		return Breaking
	case checker.WARN:
		return Warning
	default:
		return Info
	}
}
