package corpus

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

func TestRefusePrivate(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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

func TestIsPublic(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"93.184.216.34":                      true,
		"2606:2800:220:1:248:1893:25c8:1946": true,
		"127.0.0.1":                          false,
		"10.1.2.3":                           false,
		"100.64.0.1":                         false,
		"0.0.0.0":                            false,
		"192.0.0.8":                          false,
		"198.18.0.1":                         false,
		"240.0.0.1":                          false,
		"224.0.0.1":                          false,
		"::1":                                false,
		"::ffff:127.0.0.1":                   false,
		"fc00::1":                            false,
		"fe80::1":                            false,
		"ff02::1":                            false,
		"64:ff9b::7f00:1":                    false, // NAT64 of 127.0.0.1
		"64:ff9b::a00:1":                     false, // NAT64 of 10.0.0.1
		"64:ff9b::5db8:d822":                 true,  // NAT64 of 93.184.216.34
		"64:ff9b:1::1":                       false,
		"2002:7f00:1::1":                     false, // 6to4 of 127.0.0.1
		"2002:c0a8:101::1":                   false, // 6to4 of 192.168.1.1
		"2001:0:4136:e378::1":                false, // Teredo
		"2001:db8::1":                        false,
	}
	for addr, want := range tests {
		if got := isPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("isPublic(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestFetchErrorsAreReadableAndRedacted(t *testing.T) {
	t.Parallel()
	dns := &url.Error{Op: "Get", URL: "http://x.example", Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "x.example", Server: "127.0.0.53:53", IsNotFound: true}}}
	if got := describeNetError(dns).Error(); strings.Contains(got, "127.0.0.53") || !strings.Contains(got, "x.example: the name does not resolve") {
		t.Errorf("describeNetError = %q: want words naming the host, not the resolver", got)
	}

	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	ctx := context.Background()
	store, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	withCreds := strings.Replace(srv.URL, "http://", "http://user:secret@", 1) + "/page"
	res := NewIngester(store, IngestOptions{}).Ingest(ctx, []string{withCreds})
	if len(res) != 1 || res[0].Err == nil {
		t.Fatalf("results %+v: want one failure", res)
	}
	var status *HTTPStatusError
	if msg := res[0].Input + " " + res[0].Err.Error(); strings.Contains(msg, "secret") ||
		!errors.As(res[0].Err, &status) || strings.Contains(status.URL, "secret") {
		t.Errorf("credentials reached the result: %q (%+v)", msg, status)
	}
}
