import sys
for p in sys.argv[1:]:
    for i,l in enumerate(open(p, encoding='utf8').read().split('\n'),1):
        if len(l) > 120: print(f"{p}:{i}: {len(l)}: {l[:100]}")
