package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Overview is what the store holds, in figures cheap to get however large
// it is: the Slack home tab shows it each time it is opened.
type Overview struct {
	Documents, Passages int
	Publishers          []PublisherCount // most documents first
	Newest              []Document       // newest published (else ingested) first; Text unset
}

// PublisherCount is how many documents one publisher has in the store.
type PublisherCount struct {
	Source    string // "" when the documents name none
	Documents int
}

// OriginActivity is what one origin (a feed's URL) brought into the store.
type OriginActivity struct {
	Origin       string
	Documents    int
	LastIngested time.Time // zero when it brought nothing
}

// Overview counts documents by publisher (at most publishers of them, the
// rest summed under "others" by the caller from Documents) and lists the
// newest documents. Aggregates only: no passage text is read, and the
// passage count is the counter the triggers keep.
func (s *Store) Overview(ctx context.Context, publishers, newest int) (Overview, error) {
	st, err := s.Stats(ctx)
	if err != nil {
		return Overview{}, err
	}
	ov := Overview{Documents: st.Documents, Passages: st.Passages}
	rows, err := s.db.QueryContext(ctx, `SELECT source, count(*) AS n FROM documents GROUP BY source ORDER BY n DESC, source LIMIT ?`, publishers)
	if err != nil {
		return Overview{}, fmt.Errorf("documents by publisher: %w", err)
	}
	for rows.Next() {
		var p PublisherCount
		if err := rows.Scan(&p.Source, &p.Documents); err != nil {
			rows.Close()
			return Overview{}, fmt.Errorf("documents by publisher: %w", err)
		}
		ov.Publishers = append(ov.Publishers, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Overview{}, fmt.Errorf("documents by publisher: %w", err)
	}
	rows, err = s.db.QueryContext(ctx, `SELECT `+docColumns+` FROM documents d
		ORDER BY coalesce(d.published, d.ingested) DESC, d.ingested DESC, d.id LIMIT ?`, newest)
	if err != nil {
		return Overview{}, fmt.Errorf("newest documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return Overview{}, fmt.Errorf("newest documents: %w", err)
		}
		ov.Newest = append(ov.Newest, d)
	}
	if err := rows.Err(); err != nil {
		return Overview{}, fmt.Errorf("newest documents: %w", err)
	}
	return ov, nil
}

// OriginActivity says, for each origin asked about, how many documents
// came from it and when the last of them was ingested. Origins that
// brought nothing are returned with zero figures.
func (s *Store) OriginActivity(ctx context.Context, origins []string) ([]OriginActivity, error) {
	if len(origins) == 0 {
		return nil, nil
	}
	args := make([]any, len(origins))
	for i, o := range origins {
		args[i] = o
	}
	rows, err := s.db.QueryContext(ctx, `SELECT origin, count(*), max(ingested) FROM documents
		WHERE origin IN (?`+strings.Repeat(`,?`, len(origins)-1)+`) GROUP BY origin`, args...)
	if err != nil {
		return nil, fmt.Errorf("documents by origin: %w", err)
	}
	defer rows.Close()
	found := map[string]OriginActivity{}
	for rows.Next() {
		var a OriginActivity
		var last sql.NullInt64
		if err := rows.Scan(&a.Origin, &a.Documents, &last); err != nil {
			return nil, fmt.Errorf("documents by origin: %w", err)
		}
		if last.Valid {
			a.LastIngested = time.Unix(last.Int64, 0).UTC()
		}
		found[a.Origin] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("documents by origin: %w", err)
	}
	out := make([]OriginActivity, len(origins))
	for i, o := range origins {
		a, ok := found[o]
		if !ok {
			a = OriginActivity{Origin: o}
		}
		out[i] = a
	}
	return out, nil
}

// Generation is a counter that changes with every passage written or
// deleted: a caller that keeps an Overview can tell when to read it again.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var g int64
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM stats WHERE name = 'generation'`).Scan(&g); err != nil {
		return 0, fmt.Errorf("store generation: %w", err)
	}
	return g, nil
}
