/**
 * The board's flash: a banner and the card that changed blink a few times, then stay marked.
 * Without motion (prefers-reduced-motion) they are simply coloured.
 */
export const FLASH_CSS = `
@keyframes duty-flash { 0%, 100% { background-color: #fff1f0; } 50% { background-color: #ffccc7; } }
@keyframes duty-flash-card { 0%, 100% { box-shadow: 0 0 0 2px #ffa39e; } 50% { box-shadow: 0 0 0 4px #ff4d4f; } }
.duty-flash { animation: duty-flash 0.8s ease-in-out 6; }
.duty-flash-card { animation: duty-flash-card 0.8s ease-in-out 8; box-shadow: 0 0 0 2px #ffa39e; }
@media (prefers-reduced-motion: reduce) {
  .duty-flash, .duty-flash-card { animation: none; }
}
`
