# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_rma_detail.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_RmaDetailView(object):
    def setupUi(self, RmaDetailView):
        if not RmaDetailView.objectName():
            RmaDetailView.setObjectName(u"RmaDetailView")
        RmaDetailView.resize(1180, 820)
        self.detailLayout = QVBoxLayout(RmaDetailView)
        self.detailLayout.setObjectName(u"detailLayout")
        self.titleLayout = QHBoxLayout()
        self.titleLayout.setObjectName(u"titleLayout")
        self.backButton = QPushButton(RmaDetailView)
        self.backButton.setObjectName(u"backButton")

        self.titleLayout.addWidget(self.backButton)

        self.titleLabel = QLabel(RmaDetailView)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleLayout.addWidget(self.titleLabel)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleLayout.addItem(self.titleSpacer)

        self.printLabelButton = QPushButton(RmaDetailView)
        self.printLabelButton.setObjectName(u"printLabelButton")
        self.printLabelButton.setEnabled(False)

        self.titleLayout.addWidget(self.printLabelButton)


        self.detailLayout.addLayout(self.titleLayout)

        self.messageLabel = QLabel(RmaDetailView)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.messageLabel)

        self.headerGroup = QGroupBox(RmaDetailView)
        self.headerGroup.setObjectName(u"headerGroup")
        self.headerGrid = QGridLayout(self.headerGroup)
        self.headerGrid.setObjectName(u"headerGrid")
        self.sellerLabel = QLabel(self.headerGroup)
        self.sellerLabel.setObjectName(u"sellerLabel")

        self.headerGrid.addWidget(self.sellerLabel, 0, 0, 1, 1)

        self.sellerValue = QLabel(self.headerGroup)
        self.sellerValue.setObjectName(u"sellerValue")
        self.sellerValue.setWordWrap(True)
        self.sellerValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerGrid.addWidget(self.sellerValue, 0, 1, 1, 3)

        self.customerLabel = QLabel(self.headerGroup)
        self.customerLabel.setObjectName(u"customerLabel")

        self.headerGrid.addWidget(self.customerLabel, 1, 0, 1, 1)

        self.customerValue = QLabel(self.headerGroup)
        self.customerValue.setObjectName(u"customerValue")
        self.customerValue.setWordWrap(True)
        self.customerValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerGrid.addWidget(self.customerValue, 1, 1, 1, 1)

        self.orderLabel = QLabel(self.headerGroup)
        self.orderLabel.setObjectName(u"orderLabel")

        self.headerGrid.addWidget(self.orderLabel, 1, 2, 1, 1)

        self.orderValue = QLabel(self.headerGroup)
        self.orderValue.setObjectName(u"orderValue")
        self.orderValue.setWordWrap(True)
        self.orderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerGrid.addWidget(self.orderValue, 1, 3, 1, 1)

        self.datesLabel = QLabel(self.headerGroup)
        self.datesLabel.setObjectName(u"datesLabel")

        self.headerGrid.addWidget(self.datesLabel, 2, 0, 1, 1)

        self.datesValue = QLabel(self.headerGroup)
        self.datesValue.setObjectName(u"datesValue")
        self.datesValue.setWordWrap(True)
        self.datesValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerGrid.addWidget(self.datesValue, 2, 1, 1, 3)

        self.headerGrid.setColumnStretch(1, 1)
        self.headerGrid.setColumnStretch(3, 1)

        self.detailLayout.addWidget(self.headerGroup)

        self.detailSplitter = QSplitter(RmaDetailView)
        self.detailSplitter.setObjectName(u"detailSplitter")
        self.detailSplitter.setOrientation(Qt.Orientation.Vertical)
        self.detailSplitter.setChildrenCollapsible(False)
        self.linesGroup = QGroupBox(self.detailSplitter)
        self.linesGroup.setObjectName(u"linesGroup")
        self.linesLayout = QVBoxLayout(self.linesGroup)
        self.linesLayout.setObjectName(u"linesLayout")
        self.linesTable = QTableView(self.linesGroup)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.linesTable.setAlternatingRowColors(True)
        self.linesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.linesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.linesLayout.addWidget(self.linesTable)

        self.reasonsLabel = QLabel(self.linesGroup)
        self.reasonsLabel.setObjectName(u"reasonsLabel")
        self.reasonsLabel.setWordWrap(True)
        self.reasonsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.linesLayout.addWidget(self.reasonsLabel)

        self.detailSplitter.addWidget(self.linesGroup)
        self.lowerPane = QWidget(self.detailSplitter)
        self.lowerPane.setObjectName(u"lowerPane")
        self.lowerLayout = QHBoxLayout(self.lowerPane)
        self.lowerLayout.setObjectName(u"lowerLayout")
        self.lowerLayout.setContentsMargins(0, 0, 0, 0)
        self.timelineGroup = QGroupBox(self.lowerPane)
        self.timelineGroup.setObjectName(u"timelineGroup")
        self.timelineLayout = QVBoxLayout(self.timelineGroup)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineTable = QTableView(self.timelineGroup)
        self.timelineTable.setObjectName(u"timelineTable")
        self.timelineTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timelineTable.setAlternatingRowColors(True)
        self.timelineTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timelineTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.timelineLayout.addWidget(self.timelineTable)


        self.lowerLayout.addWidget(self.timelineGroup)

        self.documentsGroup = QGroupBox(self.lowerPane)
        self.documentsGroup.setObjectName(u"documentsGroup")
        self.documentsLayout = QVBoxLayout(self.documentsGroup)
        self.documentsLayout.setObjectName(u"documentsLayout")
        self.documentsTable = QTableView(self.documentsGroup)
        self.documentsTable.setObjectName(u"documentsTable")
        self.documentsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documentsTable.setAlternatingRowColors(True)
        self.documentsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documentsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.documentsLayout.addWidget(self.documentsTable)

        self.documentButtonsLayout = QHBoxLayout()
        self.documentButtonsLayout.setObjectName(u"documentButtonsLayout")
        self.reprintButton = QPushButton(self.documentsGroup)
        self.reprintButton.setObjectName(u"reprintButton")
        self.reprintButton.setEnabled(False)

        self.documentButtonsLayout.addWidget(self.reprintButton)

        self.voidButton = QPushButton(self.documentsGroup)
        self.voidButton.setObjectName(u"voidButton")
        self.voidButton.setEnabled(False)

        self.documentButtonsLayout.addWidget(self.voidButton)

        self.documentButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.documentButtonsLayout.addItem(self.documentButtonsSpacer)


        self.documentsLayout.addLayout(self.documentButtonsLayout)


        self.lowerLayout.addWidget(self.documentsGroup)

        self.detailSplitter.addWidget(self.lowerPane)

        self.detailLayout.addWidget(self.detailSplitter)

        QWidget.setTabOrder(self.backButton, self.printLabelButton)
        QWidget.setTabOrder(self.printLabelButton, self.linesTable)
        QWidget.setTabOrder(self.linesTable, self.timelineTable)
        QWidget.setTabOrder(self.timelineTable, self.documentsTable)
        QWidget.setTabOrder(self.documentsTable, self.reprintButton)
        QWidget.setTabOrder(self.reprintButton, self.voidButton)

        self.retranslateUi(RmaDetailView)

        QMetaObject.connectSlotsByName(RmaDetailView)
    # setupUi

    def retranslateUi(self, RmaDetailView):
#if QT_CONFIG(accessibility)
        RmaDetailView.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"RMA detail", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.backButton.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Back to the search results", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("RmaDetailView", u"\u2190 &Back", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"RMA number and status", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText("")
#if QT_CONFIG(accessibility)
        self.printLabelButton.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Print this RMA's parcel label", None))
#endif // QT_CONFIG(accessibility)
        self.printLabelButton.setText(QCoreApplication.translate("RmaDetailView", u"&Print label", None))
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
        self.headerGroup.setTitle(QCoreApplication.translate("RmaDetailView", u"Authorization", None))
#if QT_CONFIG(accessibility)
        self.headerGroup.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"RMA header", None))
#endif // QT_CONFIG(accessibility)
        self.sellerLabel.setText(QCoreApplication.translate("RmaDetailView", u"Seller and policy", None))
#if QT_CONFIG(accessibility)
        self.sellerValue.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Seller and policy", None))
#endif // QT_CONFIG(accessibility)
        self.customerLabel.setText(QCoreApplication.translate("RmaDetailView", u"Customer", None))
#if QT_CONFIG(accessibility)
        self.customerValue.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Customer", None))
#endif // QT_CONFIG(accessibility)
        self.orderLabel.setText(QCoreApplication.translate("RmaDetailView", u"Order", None))
#if QT_CONFIG(accessibility)
        self.orderValue.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Order and payment", None))
#endif // QT_CONFIG(accessibility)
        self.datesLabel.setText(QCoreApplication.translate("RmaDetailView", u"Dates", None))
#if QT_CONFIG(accessibility)
        self.datesValue.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Purchase, shipment, delivery and authorization dates", None))
#endif // QT_CONFIG(accessibility)
        self.linesGroup.setTitle(QCoreApplication.translate("RmaDetailView", u"&Lines and decisions", None))
#if QT_CONFIG(accessibility)
        self.linesGroup.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Lines and decisions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.linesTable.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Lines with their decisions and amounts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reasonsLabel.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Reasons for the selected line's decision", None))
#endif // QT_CONFIG(accessibility)
        self.reasonsLabel.setText("")
        self.timelineGroup.setTitle(QCoreApplication.translate("RmaDetailView", u"&Timeline", None))
#if QT_CONFIG(accessibility)
        self.timelineGroup.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Timeline of events", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.timelineTable.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Events in order: time, event, user and station", None))
#endif // QT_CONFIG(accessibility)
        self.documentsGroup.setTitle(QCoreApplication.translate("RmaDetailView", u"&Documents", None))
#if QT_CONFIG(accessibility)
        self.documentsGroup.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Documents issued for this RMA", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.documentsTable.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Documents: number, type, line, issued, state", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reprintButton.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Reprint the selected document as a copy", None))
#endif // QT_CONFIG(accessibility)
        self.reprintButton.setText(QCoreApplication.translate("RmaDetailView", u"&Reprint copy\u2026", None))
#if QT_CONFIG(accessibility)
        self.voidButton.setAccessibleName(QCoreApplication.translate("RmaDetailView", u"Void the selected document", None))
#endif // QT_CONFIG(accessibility)
        self.voidButton.setText(QCoreApplication.translate("RmaDetailView", u"&Void\u2026", None))
    # retranslateUi

