from vplint.cli import main

raise SystemExit(main())
