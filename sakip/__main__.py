from sakip.cli import main

main()
