package specsource

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// maxTarEntries bounds how many entries extractTarball will look at.
const maxTarEntries = 100_000

// extractTarball extracts the regular files of the gzipped tarball at src
// whose cleaned names satisfy want into dest, refusing names that would land
// outside dest and stopping once more than maxBytes would be written.
func extractTarball(src, dest string, want func(name string) bool, maxBytes int64) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("gunzip: %w", err)
	}
	defer gz.Close()

	tr := tar.NewReader(gz)
	var written int64
	for i := 0; ; i++ {
		if i >= maxTarEntries {
			return fmt.Errorf("more than %d entries", maxTarEntries)
		}
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read tar: %w", err)
		}
		name, err := safeEntryName(hdr.Name)
		if err != nil {
			return err
		}
		if hdr.Typeflag != tar.TypeReg || !want(name) {
			continue
		}
		if written+hdr.Size > maxBytes {
			return fmt.Errorf("extracted files exceed %d bytes", maxBytes)
		}
		if err := extractFile(tr, filepath.Join(dest, filepath.FromSlash(name)), hdr.Size); err != nil {
			return fmt.Errorf("extract %s: %w", name, err)
		}
		written += hdr.Size
	}
}

// safeEntryName cleans a tar entry name and rejects absolute names and names
// that climb out of the extraction directory.
func safeEntryName(name string) (string, error) {
	clean := path.Clean(strings.ReplaceAll(name, `\`, "/"))
	if path.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, "../") || filepath.VolumeName(clean) != "" {
		return "", fmt.Errorf("tar entry %q escapes the extraction directory", name)
	}
	return clean, nil
}

// extractFile copies size bytes from r to a new file at target.
func extractFile(r io.Reader, target string, size int64) error {
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.CopyN(out, r, size); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
