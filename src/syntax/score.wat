;; The inner loop of the tagger and the parser: adds up the weights of a state's features for every
;; class. `npm run build` compiles this file (scripts/build-wasm.mjs, with wabt) into
;; dist/syntax/score.wasm; src/syntax/perceptron.ts (class Weights) lays the weights out in the
;; module's memory and calls `score`.
;;
;; Why WebAssembly: a parser state has about 85 features with weights, and they hold about 3,500
;; (class, weight) pairs in all. Added one by one in JavaScript that was 80% of parsing time. Most
;; pairs belong to a few hundred frequent features (the tags around the stack and buffer), which
;; have a weight for nearly every class; their weights are kept as a dense row of 16-bit integers,
;; added eight classes at a time with SIMD. Rare features keep their short list of pairs.
;;
;; Memory layout, all offsets in bytes, set by weightTable in perceptron.ts:
;;   features  count 32-bit keys, overwritten by what each key found (below);
;;   scores    one 32-bit sum per class, `rowBytes * 2` bytes (the class count rounded up to 8);
;;   table     open addressing, 8 bytes a slot: the key, then what it holds: 0 for an empty slot,
;;             > 0 for a list of pairs (first pair << 8 | pair count), < 0 for dense row -packed - 1;
;;   pairs     32-bit pairs, class << 16 | weight (a 16-bit signed integer);
;;   dense     rows of `rowBytes` bytes: a signed 16-bit weight per class, 0 past the last class.
;; Sums are 32-bit and wrap as JavaScript's Int32Array does: the same scores, bit for bit, as
;; adding the pairs one by one.
(module
  ;; Shared, so that a worker thread can lay a model out in it and the parsing thread use it as it is.
  (import "ringkas" "memory" (memory 1 16384 shared))
  (func (export "score")
    (param $features i32) (param $count i32) (param $scores i32) (param $table i32)
    (param $mask i32) (param $pairs i32) (param $dense i32) (param $rowBytes i32)
    (local $i i32) (local $key i32) (local $slot i32) (local $packed i32) (local $at i32)
    (local $end i32) (local $pair i32) (local $to i32) (local $row i32) (local $offset i32) (local $weights v128)

    ;; Scores start at 0.
    (local.set $offset (i32.const 0))
    (block $zeroed (loop $zero
      (br_if $zeroed (i32.ge_u (local.get $offset) (i32.shl (local.get $rowBytes) (i32.const 1))))
      (v128.store (i32.add (local.get $scores) (local.get $offset)) (v128.const i32x4 0 0 0 0))
      (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
      (br $zero)))

    ;; Every lookup first, each key replaced by what its slot holds, so that the memory reads of
    ;; different features overlap instead of each waiting for the one before.
    (local.set $i (i32.const 0))
    (block $looked (loop $look
      (br_if $looked (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $to (i32.add (local.get $features) (i32.shl (local.get $i) (i32.const 2))))
      (local.set $key (i32.load (local.get $to)))
      (local.set $slot (i32.and (local.get $key) (local.get $mask)))
      (block $found (loop $probe
        (local.set $at (i32.add (local.get $table) (i32.shl (local.get $slot) (i32.const 3))))
        (local.set $packed (i32.load offset=4 (local.get $at)))
        (br_if $found (i32.eqz (local.get $packed)))
        (br_if $found (i32.eq (i32.load (local.get $at)) (local.get $key)))
        (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (local.get $mask)))
        (br $probe)))
      (i32.store (local.get $to) (local.get $packed))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $look)))

    ;; Then the weights of every feature found.
    (local.set $i (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $packed (i32.load (i32.add (local.get $features) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $next (i32.eqz (local.get $packed)))
      (if (i32.lt_s (local.get $packed) (i32.const 0))
        (then
          ;; A dense row: eight 16-bit weights at a time, widened to 32 bits, onto eight sums.
          (local.set $row (i32.add (local.get $dense)
            (i32.mul (i32.sub (i32.const -1) (local.get $packed)) (local.get $rowBytes))))
          (local.set $offset (i32.const 0))
          (local.set $to (local.get $scores))
          (block $rowDone (loop $eight
            (br_if $rowDone (i32.ge_u (local.get $offset) (local.get $rowBytes)))
            (local.set $weights (v128.load (i32.add (local.get $row) (local.get $offset))))
            (v128.store (local.get $to)
              (i32x4.add (v128.load (local.get $to)) (i32x4.extend_low_i16x8_s (local.get $weights))))
            (v128.store offset=16 (local.get $to)
              (i32x4.add (v128.load offset=16 (local.get $to)) (i32x4.extend_high_i16x8_s (local.get $weights))))
            (local.set $offset (i32.add (local.get $offset) (i32.const 16)))
            (local.set $to (i32.add (local.get $to) (i32.const 32)))
            (br $eight))))
        (else
          ;; A list of pairs: each weight onto its class's sum.
          (local.set $at (i32.add (local.get $pairs) (i32.shl (i32.shr_u (local.get $packed) (i32.const 8)) (i32.const 2))))
          (local.set $end (i32.add (local.get $at) (i32.shl (i32.and (local.get $packed) (i32.const 255)) (i32.const 2))))
          (block $pairsDone (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $pair (i32.load (local.get $at)))
            (local.set $to (i32.add (local.get $scores) (i32.shl (i32.shr_u (local.get $pair) (i32.const 16)) (i32.const 2))))
            (i32.store (local.get $to)
              (i32.add (i32.load (local.get $to)) (i32.shr_s (i32.shl (local.get $pair) (i32.const 16)) (i32.const 16))))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br $pair)))))
      (br $next)))))
