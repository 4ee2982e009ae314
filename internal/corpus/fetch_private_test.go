package corpus

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

func TestRefusePrivate(t *testing.T) {
	tests := []struct {
		addr    string
		refused bool
	}{
		{"127.0.0.1:80", true},
		{"[::1]:443", true},
		{"10.1.2.3:80", true},
		{"172.16.0.9:80", true},
		{"192.168.1.1:80", true},
		{"169.254.169.254:80", true}, // cloud metadata
		{"100.64.0.1:80", true},
		{"0.0.0.0:80", true},
		{"[fe80::1]:80", true},
		{"[fc00::1]:80", true},
		{"[::ffff:127.0.0.1]:80", true},
		{"93.184.216.34:443", false},
		{"[2606:4700::1111]:443", false},
	}
	for _, tt := range tests {
		err := refusePrivate("tcp", tt.addr, nil)
		if got := errors.Is(err, ErrPrivateAddress); got != tt.refused {
			t.Errorf("refusePrivate(%s) = %v, want refused=%v", tt.addr, err, tt.refused)
		}
	}
}

func TestPublicOnlyIngestRefusesLoopback(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Internal admin page that must never be ingested from a chat request."))
	}))
	defer srv.Close()
	ctx := context.Background()
	store, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	results := NewIngester(store, IngestOptions{PublicOnly: true}).Ingest(ctx, []string{srv.URL + "/admin"})
	if len(results) != 1 || results[0].Outcome != Failed || !errors.Is(results[0].Err, ErrPrivateAddress) {
		t.Fatalf("PublicOnly ingest of a loopback URL = %+v, want a failure naming a non-public address", results)
	}
	if st, _ := store.Stats(ctx); st.Documents != 0 {
		t.Fatalf("store holds %d documents after a refused fetch", st.Documents)
	}
	// The operator's own CLI may read local servers.
	results = NewIngester(store, IngestOptions{}).Ingest(ctx, []string{srv.URL + "/admin"})
	if results[0].Outcome != Added {
		t.Fatalf("operator ingest = %+v, want added", results[0])
	}
}
