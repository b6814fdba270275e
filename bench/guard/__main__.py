from bench.guard.evaluate import main

raise SystemExit(main())
