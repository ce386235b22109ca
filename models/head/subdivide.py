"""One level of Catmull-Clark subdivision of a quad mesh, as a sparse linear operator.

Subdivision is linear in the vertex positions, so the same (V_new, V_old) matrix ``S`` maps the
neutral mesh and every blendshape delta: ``S @ (neutral + w * delta) = S @ neutral + w * (S @ delta)``.
The shapes therefore carry through exactly. Boundary edges (the crop line, open helper sheets) use the
crease rules (edge point = midpoint; boundary vertex = 3/4 itself + 1/8 each boundary neighbour).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def catmull_clark(quads: np.ndarray, num_vertices: int) -> tuple[sp.csr_matrix, np.ndarray]:
    """``(S, new_quads)``: new vertex ``k`` = ``S[k] @ old vertices``. New vertices are ordered: the
    old vertices (repositioned), then one per edge, then one per face."""
    quads = np.asarray(quads, dtype=np.int64)
    nf = len(quads)
    # edges: (F*4, 2) corner pairs, undirected ids
    a = quads.reshape(-1)
    b = np.roll(quads, -1, axis=1).reshape(-1)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key = lo * num_vertices + hi
    uniq, edge_of = np.unique(key, return_inverse=True)
    ne = len(uniq)
    e0, e1 = uniq // num_vertices, uniq % num_vertices
    face_of_half = np.repeat(np.arange(nf), 4)
    faces_per_edge = np.bincount(edge_of, minlength=ne)
    boundary_edge = faces_per_edge == 1

    rows, cols, vals = [], [], []

    def add(r, c, v):
        rows.append(np.asarray(r, dtype=np.int64).ravel())
        cols.append(np.asarray(c, dtype=np.int64).ravel())
        vals.append(np.broadcast_to(np.asarray(v, dtype=np.float64), np.shape(r)).ravel())

    # face points: the average of the four corners
    fp = num_vertices + ne + np.arange(nf)
    add(np.repeat(fp, 4), quads.reshape(-1), 0.25)
    # edge points: interior (e0 + e1 + f0 + f1) / 4; boundary: midpoint
    ep = num_vertices + np.arange(ne)
    interior = ~boundary_edge
    add(ep[interior], e0[interior], 0.25)
    add(ep[interior], e1[interior], 0.25)
    hf = interior[edge_of]  # half-edges of interior edges: each adds its face point / 4
    add(np.repeat(ep[edge_of[hf]], 4), quads[face_of_half[hf]].reshape(-1), 1 / 16)
    add(ep[boundary_edge], e0[boundary_edge], 0.5)
    add(ep[boundary_edge], e1[boundary_edge], 0.5)

    # vertex points
    valence_f = np.bincount(quads.reshape(-1), minlength=num_vertices).astype(np.float64)
    boundary_vertex = np.zeros(num_vertices, dtype=bool)
    boundary_vertex[e0[boundary_edge]] = True
    boundary_vertex[e1[boundary_edge]] = True
    used = valence_f > 0
    inner = used & ~boundary_vertex
    n = np.maximum(valence_f, 1)
    # interior: (F + 2R + (n - 3) P) / n with F = mean face point, R = mean edge midpoint
    # F/n: each incident face's corners / 4 / n / n ; 2R/n: each incident edge's ends / n / n
    inc_v = quads.reshape(-1)
    sel = inner[inc_v]
    fv = np.repeat(quads, 4, axis=0)[sel]  # the four corners of each incident face
    vv = inc_v[sel]
    add(np.repeat(vv, 4), fv.reshape(-1), np.repeat(0.25 / n[vv] ** 2, 4))
    for ends in ((e0, e1), (e1, e0)):
        s = inner[ends[0]] & interior
        # each incident edge midpoint (e0 + e1)/2, times 2/n, over n edges -> 1/n^2 per end
        add(ends[0][s], ends[0][s], 1.0 / n[ends[0][s]] ** 2)
        add(ends[0][s], ends[1][s], 1.0 / n[ends[0][s]] ** 2)
    add(np.flatnonzero(inner), np.flatnonzero(inner), (n[inner] - 3) / n[inner])
    # boundary vertices: 3/4 P + 1/8 each boundary neighbour
    bv = np.flatnonzero(boundary_vertex)
    add(bv, bv, 0.75)
    for ends in ((e0, e1), (e1, e0)):
        s = boundary_edge
        add(ends[0][s], ends[1][s], 0.125)

    total = num_vertices + ne + nf
    S = sp.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                      shape=(total, num_vertices)).tocsr()
    S.sum_duplicates()

    # new quads: for each face corner i: (corner, edge(i), face point, edge(i-1))
    e_half = (num_vertices + edge_of).reshape(nf, 4)
    new = np.empty((nf, 4, 4), dtype=np.int64)
    for i in range(4):
        new[:, i, 0] = quads[:, i]
        new[:, i, 1] = e_half[:, i]
        new[:, i, 2] = fp
        new[:, i, 3] = e_half[:, (i - 1) % 4]
    return S, new.reshape(-1, 4)
