package corpus

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"

	"github.com/mss-brief/briefbot/internal/document"
)

// bundled holds the briefing notes we write ourselves, so a fresh store
// answers something on its first run.
//
//go:embed bundled/*.md
var bundled embed.FS

// BundledOrigin prefixes the origin of every bundled note.
const BundledOrigin = document.BundledOrigin

// LoadBundled stores the bundled briefing notes when the store holds no
// documents at all, and reports how many it added.
func (s *Store) LoadBundled(ctx context.Context) (int, error) {
	st, err := s.Stats(ctx)
	if err != nil {
		return 0, err
	}
	if st.Documents > 0 {
		return 0, nil
	}
	docs, err := BundledDocuments()
	if err != nil {
		return 0, err
	}
	added := 0
	for _, d := range docs {
		res, err := s.Put(ctx, d)
		if err != nil {
			return added, fmt.Errorf("bundled note %s: %w", d.Origin, err)
		}
		if res.Outcome == Added {
			added++
		}
	}
	return added, nil
}

// BundledDocuments parses the bundled notes.
func BundledDocuments() ([]Document, error) {
	names, err := fs.Glob(bundled, "bundled/*.md")
	if err != nil {
		return nil, err
	}
	var docs []Document
	for _, name := range names {
		data, err := bundled.ReadFile(name)
		if err != nil {
			return nil, err
		}
		d, err := ParseMarkdown(data)
		if err != nil {
			return nil, fmt.Errorf("bundled note %s: %w", name, err)
		}
		d.Origin = BundledOrigin + path.Base(name)
		d.Key = d.Origin // notes may cite the same primary source URL
		docs = append(docs, d)
	}
	return docs, nil
}
